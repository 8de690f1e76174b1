package cn.opencredit.gateway.shared.audit;

/** An answer that carries a number of items, which the operations log records. */
public interface Counted {

    int itemCount();
}
