package dev.authgateway.support.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table against the three application.yaml files, so it cannot drift: every key it
 * names exists in the yaml of a service its row names, and a plain default it gives (a number, a duration, a word,
 * {@code empty}) is that yaml's value. Shorthands: {@code app.store.host/port/deadline}; {@code .iterations} after
 * {@code app.password-hash.memory-kib}; {@code prefix.*} (a section; not checked); keys of lists ({@code keys[]}).
 */
class ConfigurationTableTest {

    private static final Path ROOT = Path.of("..");
    private static final Map<String, String> MODULES = Map.of(
            "store", "store-service", "cache", "cache-service", "gateway", "graphql-gateway");
    /** Keys read only when present, each with what absence means (see their settings records). */
    private static final Set<String> OPTIONAL = Set.of(
            "app.redis.sentinel.password",   // absent: the Sentinels get app.redis.password
            "app.jwt.active-key-id");        // absent: the first of app.jwt.keys signs
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LITERAL = Pattern.compile("[\\w.:/@+-]+");

    @Test
    void givenReadmeTable_thenEveryKeyAndPlainDefaultIsInApplicationYaml() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> rows = tableRows();
        assertThat(rows).as("rows of the README's configuration table").hasSizeGreaterThan(20);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            List<Config> yamls = yamlsOf(cells[1]);
            if (yamls.isEmpty()) {
                problems.add("no service named in: " + row);
                continue;
            }
            List<String> keys = keys(cells[2]);
            for (String key : keys) {
                if (!OPTIONAL.contains(key) && yamls.stream().noneMatch(yaml -> yaml.get(key).exists())) {
                    problems.add(key + " is in the README but in no application.yaml of '" + cells[1].strip() + "'");
                }
            }
            List<String> defaults = List.of(cells[3].strip().split(", "));
            for (int i = 0; i < keys.size(); i++) {
                String expected = defaults.size() == keys.size() ? defaults.get(i)
                        : defaults.size() == 1 ? defaults.getFirst() : null;
                String literal = expected == null ? null : literal(expected);
                String key = keys.get(i);
                if (literal != null && !OPTIONAL.contains(key) && yamls.stream()
                        .noneMatch(yaml -> yaml.get(key).asString().map(literal::equals).orElse(false))) {
                    problems.add(key + ": the README says " + expected + ", application.yaml says "
                            + yamls.stream().map(yaml -> yaml.get(key).asString().orElse("(absent)")).toList());
                }
            }
        }
        assertThat(problems).as("README.md configuration table vs application.yaml").isEmpty();
    }

    private static List<String> tableRows() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        int header = lines.indexOf("| service | key | default | meaning |");
        assertThat(header).as("the configuration table's header in README.md").isNotNegative();
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }

    private static List<Config> yamlsOf(String services) {
        Set<String> modules = new LinkedHashSet<>();
        for (String name : services.split(",")) {
            String service = name.strip();
            if (service.equals("all")) {
                modules.addAll(MODULES.values());
            } else if (service.equals("all gRPC services")) {
                modules.add("store-service");
                modules.add("cache-service");
            } else if (MODULES.containsKey(service)) {
                modules.add(MODULES.get(service));
            }
        }
        return modules.stream().map(module -> Config.just(ConfigSources.file(
                ROOT.resolve(module).resolve("src/main/resources/application.yaml")))).toList();
    }

    /** The full keys a key cell names, shorthands expanded; sections ({@code .*}) and list keys left out. */
    private static List<String> keys(String cell) {
        List<String> keys = new ArrayList<>();
        String previous = null;
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            String token = code.group(1);
            if (token.startsWith(".") && previous != null) {
                token = previous.substring(0, previous.lastIndexOf('.')) + token;
            }
            if (!token.matches("(app|grpc|server)\\.[\\w./-]+") || token.endsWith(".*") || token.contains("[]")
                    || token.contains("sockets")) {
                previous = null;
                continue;
            }
            int slash = token.indexOf('/');
            if (slash < 0) {
                keys.add(token);
            } else {
                String parent = token.substring(0, token.lastIndexOf('.', slash) + 1);
                for (String leaf : token.substring(parent.length()).split("/")) {
                    keys.add(parent + leaf);
                }
            }
            previous = keys.getLast();
        }
        return keys;
    }

    /** The value a default cell gives when it is a plain one (backticks stripped; {@code empty} is ""), else null. */
    private static String literal(String cell) {
        String plain = cell.strip().replace("`", "");
        if (plain.equals("empty")) {
            return "";
        }
        return LITERAL.matcher(plain).matches() ? plain : null;
    }
}
