package cn.opencredit.gateway.seed;

import java.nio.CharBuffer;

import cn.opencredit.gateway.shared.uscc.Uscc;

/**
 * Issues valid, unique unified social credit codes without remembering the ones already issued.
 * <p>
 * The 8-character organisation-code body is a permutation of a serial number: a keyed bijection
 * on 40 bits, cycle-walked into the 31^8 bodies the USCC charset can spell. Distinct serials give
 * distinct bodies, so two codes can only collide if a serial is reused; subjects use their id and
 * departments count down from the top of the serial space, so they never meet.
 */
final class SyntheticUscc {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Serials below this are free; each rejected body moves on to the next block of the same size. */
    static final long SERIALS_PER_ATTEMPT = 1L << 32;

    private static final long BODIES = 852_891_037_441L; // 31^8
    private static final long MASK_40 = (1L << 40) - 1;

    private final long key;

    SyntheticUscc(long key) {
        this.key = key & MASK_40;
    }

    /**
     * The code for one serial.
     *
     * @param authorityAndType the first two characters (91 enterprise, 12 public institution …)
     * @param regionCode       the 6-digit region code
     * @param serial           a number in [0, 2^32) that no other code of this generator uses
     */
    String issue(String authorityAndType, String regionCode, long serial) {
        char[] code = new char[18];
        authorityAndType.getChars(0, 2, code, 0);
        regionCode.getChars(0, 6, code, 2);
        CharSequence body = CharBuffer.wrap(code, 8, 8);
        for (long attempt = serial; ; attempt += SERIALS_PER_ATTEMPT) {
            spell(permute(attempt), code);
            char organisationCheck = Uscc.organisationCodeCheckCharacter(body);
            // GB 11714 yields 0-9 or X, all in the USCC charset; a different helper would make us skip the body.
            if (CHARSET.indexOf(organisationCheck) >= 0) {
                code[16] = organisationCheck;
                break;
            }
        }
        code[17] = Uscc.checkCharacter(CharBuffer.wrap(code, 0, 17));
        return new String(code);
    }

    private long permute(long value) {
        long x = value;
        do {
            x = mix(x);
        } while (x >= BODIES);
        return x;
    }

    // Odd multiplications and right xor-shifts are each invertible on 40 bits, so their chain is a bijection.
    private long mix(long value) {
        long x = (value + key) & MASK_40;
        x = (x * 0x9E3779B97BL) & MASK_40;
        x ^= x >>> 21;
        x = (x * 0xC2B2AE3D27L) & MASK_40;
        x ^= x >>> 17;
        return x;
    }

    private static void spell(long body, char[] code) {
        long rest = body;
        for (int i = 15; i >= 8; i--) {
            code[i] = CHARSET.charAt((int) (rest % 31));
            rest /= 31;
        }
    }
}
