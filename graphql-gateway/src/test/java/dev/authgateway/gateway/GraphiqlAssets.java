package dev.authgateway.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The files of the GraphiQL page, as the build puts them into the gateway's jar (under {@code graphiql/}), and the
 * check that an answer carries one of them whole.
 */
final class GraphiqlAssets {

    /** What index.html loads, and itself. */
    static final List<String> FILES = List.of("index.html", "page.css", "start.js",
            "vendor/graphiql/graphiql.min.css", "vendor/graphiql/graphiql.min.js",
            "vendor/react/umd/react.production.min.js", "vendor/react-dom/umd/react-dom.production.min.js");

    private GraphiqlAssets() {
    }

    /** The file's bytes as the build left them on the test's class path (target/classes/graphiql). */
    static byte[] content(String file) {
        try (InputStream in = GraphiqlAssets.class.getResourceAsStream("/graphiql/" + file)) {
            if (in == null) {
                throw new IllegalStateException("graphiql/" + file + " is not on the class path; build with npm");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar at {@code jar} holding the files under graphiql/, with their folders, as the gateway's jar does. */
    static Path jar(Path jar) throws IOException {
        Set<String> folders = new TreeSet<>();
        for (String name : FILES) {
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                folders.add("graphiql/" + name.substring(0, slash + 1));
            }
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("graphiql/"));
            out.closeEntry();
            for (String folder : folders) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (String name : FILES) {
                out.putNextEntry(new JarEntry("graphiql/" + name));
                out.write(content(name));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * {@code count} request paths: the page ({@code /graphiql/}) and every file at least once, the rest drawn with
     * {@code random}, in an order drawn with it too.
     */
    static List<String> requests(Random random, int count) {
        List<String> all = new ArrayList<>();
        all.add(GraphiqlPage.PATH + "/");
        FILES.forEach(file -> all.add(GraphiqlPage.PATH + "/" + file));
        List<String> paths = new ArrayList<>(all);
        while (paths.size() < count) {
            paths.add(all.get(random.nextInt(all.size())));
        }
        Collections.shuffle(paths, random);
        return paths;
    }

    /** The file a request path asks for ({@code /graphiql/} is index.html). */
    static String fileOf(String path) {
        String file = path.substring(GraphiqlPage.PATH.length() + 1);
        return file.isEmpty() ? "index.html" : file;
    }

    /**
     * What is wrong with an answer to {@code path} (status, body byte for byte, Content-Type as {@code contentType}
     * gives it for the file), or null when nothing is.
     */
    static String problem(ParallelGets.Answer answer, Function<String, String> contentType) {
        String file = fileOf(answer.path());
        byte[] expected = content(file);
        List<String> problems = new ArrayList<>();
        if (answer.problem() != null) {
            problems.add(answer.problem());
        }
        if (answer.status() != 200) {
            problems.add("status " + answer.status());
        }
        if (!Arrays.equals(answer.body(), expected)) {
            problems.add("body " + answer.body().length + " bytes, not the " + expected.length + " of graphiql/" + file
                    + (answer.body().length > 0 && answer.body().length < expected.length
                    && Arrays.equals(answer.body(), Arrays.copyOf(expected, answer.body().length)) ? " (its start)" : ""));
        }
        if (!contentType.apply(file).equals(answer.header("Content-Type"))) {
            problems.add("Content-Type " + answer.header("Content-Type"));
        }
        return problems.isEmpty() ? null
                : "GET " + answer.path() + ": " + String.join(", ", problems);
    }
}
