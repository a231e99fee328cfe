# Uses the PostgreSQL on loopback when it takes the postgres user without a password; otherwise runs a private one.
# shellcheck shell=bash

PG_DATA=${AUTHGW_PG_DATA:-/var/tmp/authgateway-postgres}

pg_usable() {
  PGCONNECT_TIMEOUT=3 psql -w -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1 </dev/null
}

pg_bin() {
  local dir
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    [[ -x $dir/$1 ]] && { printf '%s\n' "$dir/$1"; return; }
  done
  command -v "$1" 2>/dev/null
}

# pg_as_owner COMMAND... -> runs as the postgres OS user when we are root (PostgreSQL refuses to run as root)
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_postgres() {
  local port
  port=$(state_get PG_PORT)
  if [[ -n $port ]] && pg_usable "$port"; then
    PG_PORT=$port
    return
  fi
  command -v psql >/dev/null 2>&1 || apt_install postgresql-client
  port=${PGPORT:-5432}
  if pg_usable "$port"; then
    PG_PORT=$port
    state_set PG_PORT "$port"
    state_set PG_OURS no
    note "PostgreSQL: using the server on 127.0.0.1:$port"
    return
  fi
  start_private_postgres "$port"
}

start_private_postgres() {
  local port=$1 initdb pg_ctl
  initdb=$(pg_bin initdb || true)
  pg_ctl=$(pg_bin pg_ctl || true)
  if [[ -z $initdb || -z $pg_ctl ]]; then
    apt_install postgresql
    initdb=$(pg_bin initdb)
    pg_ctl=$(pg_bin pg_ctl)
  fi
  if port_open 127.0.0.1 "$port"; then
    note "127.0.0.1:$port answers but not as a passwordless postgres user; starting a private PostgreSQL"
    port=$(free_port_from 15432)
  fi
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    step "initdb $PG_DATA (trust auth, loopback only)"
    mkdir -p "$PG_DATA"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_DATA"
    chmod 700 "$PG_DATA"
    pg_as_owner "$initdb" -D "$PG_DATA" --auth=trust -U postgres -E UTF8 >/dev/null
  fi
  step "starting a private PostgreSQL on 127.0.0.1:$port"
  pg_as_owner "$pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k /tmp" start >/dev/null \
    || die "PostgreSQL did not start; see $PG_DATA/server.log"
  PG_PORT=$port
  state_set PG_PORT "$port"
  state_set PG_DATA "$PG_DATA"
  state_set PG_OURS yes
  # shellcheck disable=SC2034  # read by cmd_test (ops/stack)
  PG_STARTED_NOW=yes
}

stop_postgres_if_ours() {
  [[ $(state_get PG_OURS) == yes ]] || return 0
  step "stopping the private PostgreSQL"
  local data
  data=$(state_get PG_DATA)
  pg_as_owner "$(pg_bin pg_ctl)" -D "${data:-$PG_DATA}" -m fast -w stop >/dev/null 2>&1 || true
  state_set PG_OURS no
  state_set PG_PORT ""
}

ensure_database() {
  local name=$1
  if ! psql -w -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc \
    "select 1 from pg_database where datname = '$name'" </dev/null | grep -q 1; then
    step "creating database $name"
    psql -w -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE $name" </dev/null >/dev/null
  fi
}
