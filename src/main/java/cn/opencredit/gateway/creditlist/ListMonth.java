package cn.opencredit.gateway.creditlist;

/**
 * How one list changed in one month (China time): entries that joined it, and entries that left it
 * (removed by their authority, or expired). Red going up while black goes down is 一增一降.
 *
 * @param month "YYYY-MM"
 */
public record ListMonth(ListType listType, String month, long included, long left) {
}
