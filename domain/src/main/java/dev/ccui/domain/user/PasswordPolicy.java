package dev.ccui.domain.user;

import dev.ccui.domain.error.InvalidException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must satisfy: every password, the first admin's included. Checked before
 * hashing, never on login.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {}

    public static void check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidException(field, field + " is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidException(field, field + " must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidException(field, field + " must have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidException(field, field + " must not be only spaces");
        }
        if (isCommon(password)) {
            throw new InvalidException(
                    field,
                    field + " is too common (a well-known password, or one with digits added):"
                            + " choose a longer phrase of your own");
        }
    }

    /**
     * Length alone lets "password12345" through: a password is common when, lower-cased and
     * without spaces, it is on the list, or its core (the digits and symbols at its ends taken
     * off) is, also with the usual digit-for-letter swaps undone, or that core is one character
     * repeated.
     */
    static boolean isCommon(String password) {
        String compact = password.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        String core = compact.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        Set<String> common = CommonPasswords.LIST;
        return common.contains(compact)
                || common.contains(core)
                || common.contains(unLeet(core))
                || (!core.isEmpty() && core.codePoints().distinct().count() == 1);
    }

    /** "p@ssw0rd" reads as "password": the usual letter-for-digit swaps undone. */
    private static String unLeet(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(
                    switch (c) {
                        case '@', '4' -> 'a';
                        case '0' -> 'o';
                        case '1', '!' -> 'i';
                        case '3' -> 'e';
                        case '$', '5' -> 's';
                        case '7' -> 't';
                        default -> c;
                    });
        }
        return out.toString();
    }

    /** The list shipped beside this class, read once on first use. */
    private static final class CommonPasswords {
        static final Set<String> LIST = read();

        private static Set<String> read() {
            Set<String> words = new HashSet<>();
            try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("common-passwords.txt is missing from the domain jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String word = line.strip();
                    if (!word.isEmpty() && !word.startsWith("#")) {
                        words.add(word);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(words);
        }
    }
}
