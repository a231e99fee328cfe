# Builds, starts, stops and reports the three services.
# shellcheck shell=bash
# shellcheck source=ops/lib/aot.sh
source "$(dirname "${BASH_SOURCE[0]}")/aot.sh"

SERVICES=(store-service cache-service graphql-gateway)
STORE_GRPC_PORT=9091
CACHE_GRPC_PORT=9092
GATEWAY_PORT=${GATEWAY_PORT:-8080}
GATEWAY_MANAGEMENT_PORT=${GATEWAY_MANAGEMENT_PORT:-8090}

# http_port_of NAME -> the HTTP port: the gateway's API; a gRPC service's management port (its only HTTP)
http_port_of() {
  case $1 in
    store-service) echo 8091 ;;
    cache-service) echo 8092 ;;
    graphql-gateway) echo "$GATEWAY_PORT" ;;
  esac
}

# management_port_of NAME -> where /observe/health and /observe/metrics are served (never the gateway's API port)
management_port_of() {
  case $1 in
    graphql-gateway) echo "$GATEWAY_MANAGEMENT_PORT" ;;
    *) http_port_of "$1" ;;
  esac
}

grpc_port_of() {
  case $1 in
    store-service) echo "$STORE_GRPC_PORT" ;;
    cache-service) echo "$CACHE_GRPC_PORT" ;;
  esac
}

jar_of() { printf '%s/%s/target/%s.jar\n' "$ROOT" "$1" "$1"; }

# jvm_flags NAME -> JVM flags for a 2-core, small-memory box: the serial collector has the least overhead for
# heaps this size, and a fixed maximum keeps three services and the load generator within memory.
# The store-service runs G1 on its whole heap: each Argon2id hash holds 19 MiB of blocks while it runs, so young
# collections keep finding hashes in flight and promote them, and the serial collector then needed a full
# collection every 3 s (47 to 65 of up to 0.5 s in a 3-minute drill); G1 reclaims the old regions in its young
# pauses (no full collection, longest pause 92 ms; ops/README.md, "JVM flags").
jvm_flags() {
  local heap=${AUTHGW_HEAP:-384m}
  # The whole heap from the start: a serial heap that grows and shrinks under load moved the gateway's resident memory
  # between 478 and 683 MiB in the 30-minute soak, and began with a young generation of 20 MiB.
  local sizing=("-Xms$heap" "-Xmx$heap")
  local gc=Serial
  [[ ${1:-} == store-service ]] && gc=G1
  # AUTHGW_GC=Serial, Parallel or G1 runs that collector in all three, for comparisons (perf/README.md, "Collectors").
  gc=${AUTHGW_GC:-$gc}
  local flags=("-XX:+Use${gc}GC" "${sizing[@]}" -XX:+ExitOnOutOfMemoryError)
  if ((JAVA_MAJOR >= 24)); then
    flags+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  fi
  printf '%s\n' "${flags[@]}"
}

build_if_needed() {
  local service stale=no
  for service in "${SERVICES[@]}"; do
    local jar
    jar=$(jar_of "$service")
    if [[ ! -f $jar ]] || [[ -n $(find "$ROOT" -path "$ROOT/.run" -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
      -newer "$jar" -type f -print -quit) ]]; then
      stale=yes
    fi
  done
  if [[ $stale == yes ]]; then
    step "building (mvn install -DskipTests; the first build downloads dependencies)"
    (cd "$ROOT" && mvn -B -q --no-transfer-progress -DskipTests install) || die "the build failed; run: mvn -DskipTests install"
  fi
}

pid_of() {
  local pid
  pid=$(cat "$PID_DIR/$1.pid" 2>/dev/null || true)
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

ready_url_of() { printf 'http://127.0.0.1:%s/observe/health/ready\n' "$(management_port_of "$1")"; }

# extra_opts NAME -> the words of AUTHGW_STORE_OPTS / AUTHGW_CACHE_OPTS / AUTHGW_GATEWAY_OPTS
extra_opts() {
  # shellcheck disable=SC2086  # unquoted on purpose: each option is its own word
  case $1 in
    store-service) printf '%s\n' ${AUTHGW_STORE_OPTS:-} ;;
    cache-service) printf '%s\n' ${AUTHGW_CACHE_OPTS:-} ;;
    graphql-gateway) printf '%s\n' ${AUTHGW_GATEWAY_OPTS:-} ;;
  esac
}

# start_service NAME -D... : starts one service unless it already runs, then waits until it is ready
start_service() {
  local name=$1
  shift
  if [[ -n $(pid_of "$name") ]]; then
    note "$name already running (pid $(pid_of "$name"))"
  else
    local port
    for port in $(http_port_of "$name") $(management_port_of "$name") $(grpc_port_of "$name"); do
      port_open 127.0.0.1 "$port" && die "port $port (for $name) is taken by another process; stop it (ss -ltnp 'sport = :$port') and retry"
    done
    step "starting $name"
    # shellcheck disable=SC2046
    HELIDON_CONFIG_PROFILE=${HELIDON_CONFIG_PROFILE:-dev} nohup java $(jvm_flags "$name") $(aot_flags "$name") "$@" $(extra_opts "$name") \
      -jar "$(jar_of "$name")" >"$LOG_DIR/$name.log" 2>&1 &
    echo $! >"$PID_DIR/$name.pid"
  fi
  wait_ready "$name"
}

wait_ready() {
  local name=$1 url _
  url=$(ready_url_of "$name")
  for _ in $(seq 1 240); do
    [[ $(http_status "$url") == 200 ]] && { note "$name ready"; return; }
    if [[ -z $(pid_of "$name") ]]; then
      tail -n 40 "$LOG_DIR/$name.log" >&2 || true
      die "$name exited during start-up; its log is $LOG_DIR/$name.log"
    fi
    sleep 0.5
  done
  tail -n 40 "$LOG_DIR/$name.log" >&2 || true
  die "$name was not ready within 120 s ($url); its log is $LOG_DIR/$name.log"
}

stop_service() {
  local name=$1 pid _
  pid=$(pid_of "$name" || true)
  if [[ -z $pid ]]; then
    rm -f "$PID_DIR/$name.pid"
    return
  fi
  step "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((${STOP_WAIT_SECONDS:-20} * 2))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$PID_DIR/$name.pid"
}

CERTS=$RUN_DIR/certs

# Mutual TLS between the services unless AUTHGW_MTLS=off: dev certificates from ops/make-dev-certs in .run/certs.
ensure_certificates() {
  [[ ${AUTHGW_MTLS:-on} == off ]] && return 0
  command -v openssl >/dev/null 2>&1 || apt_install openssl
  [[ -s $CERTS/ca.pem ]] || step "generating dev certificates for mutual TLS in $CERTS"
  "$ROOT/ops/make-dev-certs" "$CERTS"
}

# tls_flags PREFIX NAME -> -D flags for PREFIX.{enabled,cert,key,ca} with NAME's certificate, or none
tls_flags() {
  [[ ${AUTHGW_MTLS:-on} == off ]] && return 0
  printf '%s\n' "-D$1.enabled=true" "-D$1.cert=$CERTS/$2.pem" "-D$1.key=$CERTS/$2.key" "-D$1.ca=$CERTS/ca.pem"
}

# dev_overrides -> -D flags for the AUTHGW_DEV_* variables that are set; the dev profile's own values are in
# graphql-gateway/src/main/resources/application-dev.yaml
dev_overrides() {
  [[ -n ${AUTHGW_DEV_CORS_ORIGINS:-} ]] && printf '%s\n' "-Dapp.cors.allowed-origins=$AUTHGW_DEV_CORS_ORIGINS"
  [[ -n ${AUTHGW_DEV_SIGNUPS_PER_ADDRESS:-} ]] && printf '%s\n' "-Dapp.attempt-limits.signups-per-address=$AUTHGW_DEV_SIGNUPS_PER_ADDRESS"
  return 0
}

# The services run with Helidon's config profile "dev" (start_service): application-dev.yaml over application.yaml
# turns introspection and GraphiQL on, allows browser pages from a frontend dev server on localhost:5173 or :3000,
# and lets one address sign up many accounts (perf/run and the Gatling simulations seed hundreds from 127.0.0.1);
# failed-login limits keep their production defaults. Only ports, file paths and the Redis topology are flags here.
start_services() {
  ensure_certificates
  # shellcheck disable=SC2046
  start_service store-service \
    -Dapp.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT/authgateway" -Dapp.mail.port="$MAIL_SMTP_PORT" \
    $(tls_flags grpc.tls store-service)
  # shellcheck disable=SC2046
  start_service cache-service \
    $(redis_flags) -Dapp.store.port="$STORE_GRPC_PORT" \
    $(tls_flags grpc.tls cache-service) $(tls_flags app.store.tls cache-service)
  # shellcheck disable=SC2046
  start_service graphql-gateway \
    $(tls_flags app.store.tls graphql-gateway) $(tls_flags app.cache.tls graphql-gateway) \
    -Dserver.port="$GATEWAY_PORT" -Dserver.sockets.0.port="$GATEWAY_MANAGEMENT_PORT" -Dapp.store.port="$STORE_GRPC_PORT" -Dapp.cache.port="$CACHE_GRPC_PORT" \
    $(redis_flags) \
    -Dapp.jwt.private-key-file="$SIGNING_KEY" -Dapp.jwt.key-id="$SIGNING_KEY_ID" \
    -Dapp.public-base-url="http://127.0.0.1:$GATEWAY_PORT" -Dapp.jwt.issuer="http://127.0.0.1:$GATEWAY_PORT" \
    $(dev_overrides)
}

service_status_line() {
  local name=$1 pid
  pid=$(pid_of "$name" || true)
  if [[ -z $pid ]]; then
    printf '%-16s %-8s\n' "$name" "stopped"
  else
    local ready=not-ready
    [[ $(http_status "$(ready_url_of "$name")") == 200 ]] && ready=ready
    local ports
    ports="http :$(http_port_of "$name")"
    [[ $(management_port_of "$name") != "$(http_port_of "$name")" ]] && ports+=" management :$(management_port_of "$name")"
    [[ -n $(grpc_port_of "$name") ]] && ports+=" grpc :$(grpc_port_of "$name")"
    printf '%-16s %-8s pid %-7s %-36s %s\n' "$name" running "$pid" "$ports" "$ready"
  fi
}
