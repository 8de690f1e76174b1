package cn.opencredit.gateway.shared.money;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An exact amount. The amount is a decimal string so that no client parses it into a binary
 * floating-point number.
 */
@Schema(description = "Exact decimal amount with its ISO 4217 currency")
public record Money(@Schema(examples = "50000.00", pattern = "^-?\\d+(\\.\\d+)?$") String amount,
        @Schema(examples = "CNY", pattern = "^[A-Z]{3}$") String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.toPlainString(), currency);
    }
}
