# Shared helpers for ops/stack: paths, messages, state, ports, packages.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_DIR=${AUTHGW_RUN_DIR:-$ROOT/.run}
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids
STATE_FILE=$RUN_DIR/stack.env

step() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

ensure_run_dirs() {
  mkdir -p "$LOG_DIR" "$PID_DIR"
  touch "$STATE_FILE"
}

# state_get KEY -> value recorded by an earlier command, or empty
state_get() {
  [[ -f $STATE_FILE ]] || return 0
  sed -n "s/^$1=//p" "$STATE_FILE" | tail -n 1
}

state_set() {
  ensure_run_dirs
  local tmp
  tmp=$(mktemp)
  grep -v "^$1=" "$STATE_FILE" >"$tmp" || true
  printf '%s=%s\n' "$1" "$2" >>"$tmp"
  mv "$tmp" "$STATE_FILE"
}

# port_open HOST PORT -> 0 when something accepts connections there
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# free_port_from START -> the first port from START on that nothing listens on. Callers start below 32768: Linux
# gives ports 32768-60999 to outgoing connections, and one held that way cannot be bound although nothing listens on
# it (the Redis failover drill's master failed to start on 56380 so).
free_port_from() {
  local port=$1
  while port_open 127.0.0.1 "$port"; do
    port=$((port + 1))
  done
  printf '%s\n' "$port"
}

APT_UPDATED=no
# apt_install PACKAGE... -> installs with apt-get, as root (or through sudo)
apt_install() {
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "installing $* needs root; run as root or install them yourself"
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null 2>&1 || die "cannot install $* without apt-get; install them yourself"
  if [[ $APT_UPDATED == no ]]; then
    step "apt-get update"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=yes
  fi
  step "apt-get install $*"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# http_status URL -> the HTTP status code, or 000 when nothing answers
http_status() {
  curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null || true
}

ensure_curl() {
  command -v curl >/dev/null 2>&1 || apt_install curl
}
