// The example browser client (docs/examples/browser-client) is written in TypeScript: GraphQL Code Generator's client
// preset types its operations from docs/schema.graphql into src/gql/ (codegen.ts there), esbuild bundles src/client.ts
// into client.js, an ES module, and splits what it loads with import() into chunks/ (the password strength estimator
// and its dictionaries, fetched on the first keystroke in a password). The outputs are committed, so the page is
// served as it is, with no build step.
//   node tools/example-client.mjs            regenerate src/gql/ and client.js, then type-check (tsc --noEmit)
//   node tools/example-client.mjs --check    regenerate into a temp dir; fail when a committed output differs or
//                                            tsc reports a type error (ops/stack test runs this)
// Usage: node tools/example-client.mjs [--check] [CLIENT_DIR]   (CLIENT_DIR: docs/examples/browser-client)
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { generate, loadCodegenConfig } from "@graphql-codegen/cli";
import { preset as clientPreset } from "@graphql-codegen/client-preset";
import { build } from "esbuild";

const tools = dirname(fileURLToPath(import.meta.url));
const root = join(tools, "..");
const defaultClientDir = join(root, "docs/examples/browser-client");
const flags = process.argv.slice(2).filter((argument) => argument.startsWith("--"));
const positional = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
const clientDir = resolve(positional[0] ?? defaultClientDir);
const GENERATED = "src/gql";
const BUNDLE = "client.js";
const CHUNKS = "chunks";
const regenerateCommand = `node tools/example-client.mjs${clientDir === defaultClientDir ? "" : ` ${clientDir}`}`;

/** The generated files of src/gql/, by path relative to the client's directory. */
async function runCodegen() {
  const { config } = await loadCodegenConfig({ configFilePath: join(clientDir, "codegen.ts") });
  // Codegen looks a preset up from the config's directory, which has no node_modules: hand it the tools' own.
  const generates = Object.fromEntries(Object.entries(config.generates).map(([output, options]) =>
    [output, options.preset === "client" ? { ...options, preset: clientPreset } : options]));
  const results = await generate({ ...config, generates, cwd: clientDir, silent: true }, false);
  return new Map(results.map(({ filename, content }) =>
    [relative(clientDir, isAbsolute(filename) ? filename : join(clientDir, filename)), content]));
}

/**
 * client.js and its chunks (chunks/<name>-<hash>.js), by path relative to the client's directory. generated, when
 * given, stands in for the files of src/gql/ on disk: the check bundles the committed sources from where they are, so
 * that the paths esbuild writes into its comments (node_modules among them) are those of the committed bundle.
 */
async function bundle(generated = new Map()) {
  const result = await build({
    absWorkingDir: clientDir,
    entryPoints: ["src/client.ts"],
    tsconfig: join(clientDir, "tsconfig.json"),
    // The paths in esbuild's comments as the client sees them, also when tools/node_modules is a symlink (a copy).
    preserveSymlinks: true,
    bundle: true,
    format: "esm",
    splitting: true,
    outdir: clientDir,
    entryNames: "[name]",
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    platform: "browser",
    target: "es2022",
    charset: "utf8",
    write: false,
    logLevel: "warning",
    plugins: [{
      name: "generated-in-memory",
      setup(build) {
        build.onLoad({ filter: /\.ts$/ }, ({ path }) => {
          const contents = generated.get(relative(clientDir, path));
          return contents === undefined ? undefined : { contents, loader: "ts" };
        });
      },
    }],
    banner: { js: "// Generated from src/ by `node tools/example-client.mjs` (GraphQL Code Generator, esbuild): edit that, not this." },
  });
  return new Map(result.outputFiles.map((file) => [relative(clientDir, file.path), file.text]));
}

const kilobytes = (text) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`;
const sizes = (bundled) => [...bundled].map(([file, text]) =>
  `${file} ${kilobytes(text)} (${kilobytes(gzipSync(text))} gzipped)`).join(", ");

/** tsc's complaints, or "" when the project under tsconfig.json type-checks. */
function typeCheck(tsconfig) {
  const run = spawnSync(join(tools, "node_modules/.bin/tsc"), ["--noEmit", "--pretty", "false", "-p", tsconfig],
    { cwd: dirname(tsconfig), encoding: "utf8", timeout: 120_000 });
  if (run.error) throw run.error;
  return run.status === 0 ? "" : `${run.stdout}${run.stderr}`.trim() || `tsc exited with ${run.status}`;
}

function writeGenerated(dir, generated) {
  rmSync(join(dir, GENERATED), { recursive: true, force: true });
  for (const [file, content] of generated) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
}

const filesUnder = (dir) => existsSync(dir)
  ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  : [];
const shown = (file) => relative(root, file).startsWith("..") ? file : relative(root, file);

async function regenerate() {
  const generated = await runCodegen();
  writeGenerated(clientDir, generated);
  const bundled = await bundle();
  rmSync(join(clientDir, CHUNKS), { recursive: true, force: true });
  for (const [file, content] of bundled) {
    mkdirSync(dirname(join(clientDir, file)), { recursive: true });
    writeFileSync(join(clientDir, file), content);
  }
  console.log(`wrote ${generated.size} files to ${shown(join(clientDir, GENERATED))} and ${shown(join(clientDir, BUNDLE))} ` +
    `with its chunks: ${sizes(bundled)}`);
  const errors = typeCheck(join(clientDir, "tsconfig.json"));
  if (errors) {
    console.error(`type errors in ${shown(clientDir)}:\n${errors}`);
    return false;
  }
  return true;
}

async function check() {
  const work = mkdtempSync(join(tmpdir(), "authgw-example-client-"));
  try {
    cpSync(join(clientDir, "src"), join(work, "src"), { recursive: true,
      filter: (source) => relative(join(clientDir, GENERATED), source).startsWith("..") });
    const generated = await runCodegen();
    writeGenerated(work, generated);
    const expected = new Map([...generated, ...await bundle(generated)]);
    // The committed tsconfig, extended: its paths stay resolved from the client's directory.
    writeFileSync(join(work, "tsconfig.json"),
      JSON.stringify({ extends: join(clientDir, "tsconfig.json"), include: ["src"] }));

    const stale = [];
    for (const [file, content] of expected) {
      const committed = join(clientDir, file);
      if (!existsSync(committed) || readFileSync(committed, "utf8") !== content) stale.push(committed);
    }
    for (const committed of [...filesUnder(join(clientDir, GENERATED)), ...filesUnder(join(clientDir, CHUNKS))]) {
      if (!expected.has(relative(clientDir, committed))) stale.push(committed);
    }
    const errors = typeCheck(join(work, "tsconfig.json"));

    for (const file of stale) {
      console.error(`stale: ${shown(file)} is not what codegen and esbuild make of src/ and the schema; ` +
        `regenerate it with: ${regenerateCommand}`);
    }
    if (errors) console.error(`type errors in ${shown(join(clientDir, "src"))}:\n${errors}`);
    if (stale.length > 0 || errors) return false;
    console.log(`example client up to date: ${shown(join(clientDir, GENERATED))}, ${BUNDLE} and ${CHUNKS}/ as generated, ` +
      "types check");
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  if (!await (flags.includes("--check") ? check() : regenerate())) process.exitCode = 1;
} catch (failure) {
  // Codegen reports an invalid document or schema as an AggregateError: its errors say what is wrong.
  for (const error of failure.errors ?? [failure]) console.error(error.message ?? error);
  process.exitCode = 1;
}
