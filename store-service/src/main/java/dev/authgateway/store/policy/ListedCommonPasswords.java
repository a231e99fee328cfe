package dev.authgateway.store.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.authgateway.store.domain.CommonPasswords;

/**
 * The common passwords shipped in {@code common-passwords.txt}: Openwall's password.lst (John the Ripper's
 * wordlist, compiled by Solar Designer 1996–2011, public domain per its header), one password a line, lines
 * starting with {@code #!comment} skipped.
 */
public final class ListedCommonPasswords implements CommonPasswords {

    private static final String RESOURCE = "/common-passwords.txt";

    private final Set<String> passwords;

    private ListedCommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    public static ListedCommonPasswords load() {
        try (InputStream in = ListedCommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Set<String> passwords = new HashSet<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#!comment") && !line.isEmpty()) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
            return new ListedCommonPasswords(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return passwords.size();
    }

    @Override
    public boolean contains(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }
}
