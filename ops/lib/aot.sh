# Ahead-of-time caches (JDK 25: JEP 483, 514, 515) for the two JVMs on the cache-hit path: classes loaded and linked,
# and method profiles, recorded by a training run (ops/stack train) and used by every later start, so a new process
# reaches its warm throughput sooner (perf/cold-start measures it).
# shellcheck shell=bash

AOT_DIR=$RUN_DIR/aot
AOT_SERVICES=(cache-service graphql-gateway)

aot_cache_of() { printf '%s/%s.aot\n' "$AOT_DIR" "$1"; }

# aot_flags NAME -> -XX:AOTCache=FILE when NAME has a cache trained on its current jar with this JDK; else nothing.
# The JVM also refuses a cache whose jars changed, with a warning, and runs without it.
aot_flags() {
  [[ ${AUTHGW_AOT:-on} == off ]] && return 0
  local cache
  cache=$(aot_cache_of "$1")
  [[ -f $cache && $cache -nt $(jar_of "$1") && $(cat "$cache.jdk" 2>/dev/null) == "$(java_build)" ]] || return 0
  printf '%s\n' "-XX:AOTCache=$cache"
}

java_build() { java -version 2>&1 | head -n 1; }

# aot_train GRAPHQL_URL: restarts the cache-service and the gateway recording a cache, runs the training load, then
# stops them (each JVM writes its cache as it exits) and starts them again with the caches.
aot_train() {
  local graphql=$1 service work
  ((JAVA_MAJOR >= 25)) || die "AOT caches need JDK 25 or later (this is $JAVA_MAJOR)"
  command -v wrk >/dev/null 2>&1 || apt_install wrk
  mkdir -p "$AOT_DIR"
  for service in "${AOT_SERVICES[@]}"; do
    stop_service "$service"
    rm -f "$(aot_cache_of "$service")" "$(aot_cache_of "$service").jdk"
  done
  step "training run: the cache-service and the gateway record what they load and compile"
  AUTHGW_CACHE_OPTS="${AUTHGW_CACHE_OPTS:-} -XX:AOTCacheOutput=$(aot_cache_of cache-service)" \
    AUTHGW_GATEWAY_OPTS="${AUTHGW_GATEWAY_OPTS:-} -XX:AOTCacheOutput=$(aot_cache_of graphql-gateway)" \
    start_services
  work=$(mktemp -d)
  aot_training_load "$graphql" "$work"
  rm -rf "$work"
  for service in graphql-gateway cache-service; do
    # The JVM assembles the cache as it exits: give it time before any KILL.
    STOP_WAIT_SECONDS=180 stop_service "$service"
    [[ -s $(aot_cache_of "$service") ]] || die "$service wrote no AOT cache; see $LOG_DIR/$service.log"
    java_build >"$(aot_cache_of "$service").jdk"
    note "$service: $(du -h "$(aot_cache_of "$service")" | cut -f1) AOT cache in $AOT_DIR"
  done
  start_services
}

# aot_training_load GRAPHQL_URL WORK_DIR: what the hot path does in production, briefly: signups, logins, profile
# reads (as documents and as persisted hashes), profile updates, refresh and logout.
aot_training_load() {
  local graphql=$1 work=$2 i name token
  local profile='query Profile { profile { id username email displayName createdAt } }'
  local hash
  hash=$(printf '%s' "$profile" | sha256sum | cut -d' ' -f1)
  step "training load: 8 accounts, then 20 s of profile reads, updates, refresh and logout"
  for i in $(seq 1 8); do
    name="aot_$(date +%s)_$i"
    curl -sS -m 30 "$graphql" -H 'Content-Type: application/json' \
      -d "{\"query\":\"mutation { signup(input: {username: \\\"$name\\\", email: \\\"$name@aot.example\\\", password: \\\"training run $name\\\", displayName: \\\"AOT $i\\\"}) { accessToken } }\"}" >/dev/null
    token=$(curl -sS -m 30 "$graphql" -H 'Content-Type: application/json' \
      -d "{\"query\":\"mutation { login(input: {login: \\\"$name\\\", password: \\\"training run $name\\\"}) { accessToken refreshToken } }\"}")
    printf '%s\n' "$(sed -n -E 's/.*"accessToken":"([^"]+)".*/\1/p' <<<"$token")" >>"$work/tokens"
    curl -sS -m 10 -o /dev/null "$graphql" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $(tail -n 1 "$work/tokens")" \
      -d "{\"query\":\"mutation { updateProfile(input: {displayName: \\\"AOT renamed $i\\\"}) { displayName } }\"}"
    curl -sS -m 10 -o /dev/null "$graphql" -H 'Content-Type: application/json' \
      -d "{\"query\":\"mutation { refreshToken(token: \\\"$(sed -n -E 's/.*"refreshToken":"([^"]+)".*/\1/p' <<<"$token")\\\") { accessToken } }\"}"
  done
  curl -sS -m 10 -o /dev/null "$graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $(head -n 1 "$work/tokens")" \
    -d "{\"query\":\"$profile\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$hash\"}}}"
  wrk -t2 -c64 -d10s --timeout 5s -s "$ROOT/perf/wrk/profile.lua" "$graphql" -- "$work/tokens" "$profile" >/dev/null
  wrk -t2 -c64 -d10s --timeout 5s -s "$ROOT/perf/wrk/profile.lua" "$graphql" -- "$work/tokens" "$profile" "$hash" >/dev/null
  curl -sS -m 10 -o /dev/null "$graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $(tail -n 1 "$work/tokens")" \
    -d '{"query":"mutation { logout }"}'
}
