// The manifest check must refuse what it is there to refuse: each case is an overlay of the real base with one fault.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const tools = join(dirname(fileURLToPath(import.meta.url)), "..");
const k8s = join(tools, "../ops/k8s");

function validate(kustomization, files = {}) {
  // Inside ops/k8s: Kustomize loads a base only by a relative path. Dot directories are not overlays of the project.
  const overlay = mkdtempSync(join(k8s, ".test-overlay-"));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(overlay, name), content);
    const resources = ["../base", ...Object.keys(files)].join(", ");
    writeFileSync(join(overlay, "kustomization.yaml"),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [${resources}]\n${kustomization}`);
    const run = spawnSync("node", [join(tools, "validate-manifests.mjs"), overlay], { encoding: "utf8" });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(overlay, { recursive: true, force: true });
  }
}

const jsonPatch = (kind, name, operations) =>
  `patches:\n  - target: {kind: ${kind}, name: ${name}}\n    patch: |-\n${operations.map((op) => `      - ${op}`).join("\n")}\n`;

test("the base as it is passes", () => {
  const result = validate("");
  assert.equal(result.status, 0, result.output);
});

test("a value of the wrong type fails the schema", () => {
  const result = validate(jsonPatch("Deployment", "store-service",
    ['{op: add, path: /spec/minReadySeconds, value: "ten"}']));
  assert.equal(result.status, 1);
  assert.match(result.output, /Deployment\/store-service: .*minReadySeconds must be integer/);
});

test("a container without a readiness probe fails", () => {
  const result = validate(jsonPatch("Deployment", "cache-service",
    ["{op: remove, path: /spec/template/spec/containers/0/readinessProbe}"]));
  assert.equal(result.status, 1);
  assert.match(result.output, /Deployment\/cache-service container cache-service: no readinessProbe/);
});

test("a gRPC Service with a virtual IP fails", () => {
  const result = validate(jsonPatch("Service", "store-service", ["{op: remove, path: /spec/clusterIP}"]));
  assert.equal(result.status, 1);
  assert.match(result.output, /Service\/store-service: gRPC behind a virtual IP/);
});

test("a Deployment no autoscaler scales fails", () => {
  const result = validate(`patches:\n  - target: {kind: HorizontalPodAutoscaler, name: cache-service}\n    patch: |-\n      $patch: delete\n      apiVersion: autoscaling/v2\n      kind: HorizontalPodAutoscaler\n      metadata: {name: cache-service}\n`);
  assert.equal(result.status, 1);
  assert.match(result.output, /Deployment\/cache-service: no HorizontalPodAutoscaler scales it/);
});

test("a configuration variable that names no key of the service fails", () => {
  const result = validate("configMapGenerator:\n  - name: cache-service-config\n    behavior: merge\n    literals: [APP_REDIS_TIMEOUTT=PT1S]\n");
  assert.equal(result.status, 1);
  assert.match(result.output, /APP_REDIS_TIMEOUTT \(app\.redis\.timeoutt\) is no key of cache-service/);
});

test("a Secret that nothing makes fails", () => {
  const result = validate(jsonPatch("Deployment", "store-service",
    ["{op: replace, path: /spec/template/spec/containers/0/env/1/valueFrom/secretKeyRef/name, value: db-pasword}"]));
  assert.equal(result.status, 1);
  assert.match(result.output, /Secret db-pasword is neither rendered nor external/);
});

test("a probe on the API port instead of the management port fails", () => {
  const result = validate(jsonPatch("Deployment", "graphql-gateway",
    ["{op: replace, path: /spec/template/spec/containers/0/readinessProbe/httpGet/port, value: http}"]));
  assert.equal(result.status, 1);
  assert.match(result.output, /Deployment\/graphql-gateway container graphql-gateway: readinessProbe is not on the management port/);
});

test("metrics scraped from the API port fail", () => {
  const result = validate(jsonPatch("Deployment", "graphql-gateway",
    ['{op: replace, path: /spec/template/metadata/annotations/prometheus.io~1port, value: "8080"}']));
  assert.equal(result.status, 1);
  assert.match(result.output, /prometheus.io\/port 8080 is not the management port 8090/);
});

test("the management port on the Service an Ingress routes to fails", () => {
  const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: public}
spec:
  rules:
    - http:
        paths:
          - {path: /graphql, pathType: Prefix, backend: {service: {name: graphql-gateway, port: {name: http}}}}
`;
  const passes = validate("", { "ingress.yaml": ingress });
  assert.equal(passes.status, 0, passes.output);
  const result = validate(jsonPatch("Service", "graphql-gateway",
    ["{op: add, path: /spec/ports/-, value: {name: metrics, port: 8090, targetPort: management}}"]),
  { "ingress.yaml": ingress });
  assert.equal(result.status, 1);
  assert.match(result.output, /Service\/graphql-gateway: Ingress\/public routes to it and it exposes the management port/);
});

test("a NetworkPolicy that lets another namespace reach a management port fails", () => {
  const result = validate(jsonPatch("NetworkPolicy", "graphql-gateway-from-ingress-and-monitoring",
    ["{op: replace, path: /spec/ingress/1/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name, value: ingress-nginx}"]));
  assert.equal(result.status, 1);
  assert.match(result.output, /admits Deployment\/graphql-gateway's management port 8090 from outside namespace monitoring/);
});

test("a NetworkPolicy rule from anywhere fails", () => {
  const result = validate(jsonPatch("NetworkPolicy", "graphql-gateway-from-ingress-and-monitoring",
    ["{op: remove, path: /spec/ingress/0/from}"]));
  assert.equal(result.status, 1);
  assert.match(result.output, /NetworkPolicy\/graphql-gateway-from-ingress-and-monitoring: a rule admits traffic from anywhere/);
});
