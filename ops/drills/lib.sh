# Shared by the drills: the Gatling load (perf/gatling DrillLoad), a timeline of events, and the verdict.
# shellcheck shell=bash
# shellcheck source-path=SCRIPTDIR

DRILL_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")/../lib" && pwd)
# shellcheck source=../lib/common.sh
source "$DRILL_LIB/common.sh"
# shellcheck source=../lib/java.sh
source "$DRILL_LIB/java.sh"

DRILL_DURATION=${DRILL_DURATION:-90}      # seconds of load
DRILL_RAMP_GIVEN=${DRILL_RAMP:+yes}
DRILL_RAMP=${DRILL_RAMP:-20}              # seconds of warm-up from DRILL_RAMP_FROM of the rates to the full rates
DRILL_RAMP_FROM=${DRILL_RAMP_FROM:-0.1}
DRILL_FAULT_AT=${DRILL_FAULT_AT:-30}      # seconds into the full-rate load when the fault is injected
GATEWAY=${DRILL_GATEWAY:-http://127.0.0.1:8080}
DRILL_PROFILES=${DRILL_PROFILES:-100}     # profile reads a second (open model: arrivals, whatever the answers)
DRILL_LOGINS=${DRILL_LOGINS:-4}           # logins a second
DRILL_SIGNUPS=${DRILL_SIGNUPS:-2}         # signups a second
DRILL_GATLING_OPTS=()                     # more -D options for DrillLoad (the overload drill's burst)
DRILL_BUILD=()                            # (--no-build) for ops/stack up
DRILL_VARIANT=                            # appended to the verdict's file name (-half-capacity)
DRILL_LOAD_SOURCE=

# measured_capacity -> profile reads a second from perf/capacity's last result; fails when there is none
measured_capacity() {
  local capacity
  capacity=$(sed -n 's/^capacity: *//p' "$ROOT/perf/results/capacity-latest.txt" 2>/dev/null || true)
  [[ -n $capacity ]] || die "no measured capacity: run perf/capacity first"
  echo "$capacity"
}

# drill_options ARGS... -> the options every failure drill takes: --no-build, and --half-capacity (profile reads at
# half of the measured capacity instead of DRILL_PROFILES, after a 60 s ramp from one read a second unless DRILL_RAMP
# is set; the verdict is saved as <drill>-half-capacity-<date>.txt)
# shellcheck disable=SC2034  # DRILL_BUILD is read by the drill scripts
drill_options() {
  while (($#)); do
    case $1 in
      --no-build) DRILL_BUILD=(--no-build) ;;
      --half-capacity)
        DRILL_PROFILES=$(($(measured_capacity) / 2))
        # A stack just started is cold (issue 13, perf/cold-start): at a tenth of this rate its first requests take
        # seconds and the gateway's admission limit sheds them. A load balancer's slow start (Envoy, ALB) ramps a new
        # target from nearly nothing; so does this, because these drills judge the failover, not the cold start.
        [[ -n $DRILL_RAMP_GIVEN ]] || DRILL_RAMP=60
        DRILL_RAMP_FROM=$(awk -v r="$DRILL_PROFILES" 'BEGIN { printf "%.4f", 1 / r }')
        DRILL_VARIANT=-half-capacity
        DRILL_LOAD_SOURCE=" (half of the capacity in perf/results/capacity-latest.txt)" ;;
      -h | --help) sed -n '2,/^# shellcheck/p' "$0" | sed '$d'; exit 0 ;;
      *) die "unknown argument: $1 (options: --no-build, --half-capacity)" ;;
    esac
    shift
  done
}

# drill_save_verdict DRILL -> copies the verdict to ops/drills/results/DRILL[VARIANT]-DATE.txt
drill_save_verdict() {
  cp "$VERDICT_FILE" "$ROOT/ops/drills/results/$1$DRILL_VARIANT-$(date -u +%Y-%m-%d).txt"
}

# drill_begin NAME -> a fresh output folder and event timeline
drill_begin() {
  DRILL_NAME=$1
  DRILL_OUT=$RUN_DIR/drills/$DRILL_NAME-$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p "$DRILL_OUT"
  : >"$DRILL_OUT/events"
  ensure_java
  ensure_maven
}

now_ms() { date +%s%3N; }

# build_label -> the commit the stack was built from, and whether the work tree differed (results aside)
build_label() {
  git -C "$ROOT" rev-parse --short HEAD
  git -C "$ROOT" diff --quiet HEAD -- . ':!ops/drills/results' ':!perf/results' || echo '+ uncommitted changes'
}

# machine_label -> cores, memory and kernel of this machine, for a verdict
machine_label() {
  echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
}

# target_check NAME MET(0|1) DETAIL -> one line of a verdict's targets in TARGET_LINES; TARGETS_MISSED counts misses
TARGET_LINES=()
TARGETS_MISSED=0
target_check() {
  if (($2)); then TARGET_LINES+=("  met      $1: $3"); else TARGET_LINES+=("  MISSED   $1: $3"); TARGETS_MISSED=$((TARGETS_MISSED + 1)); fi
}
# le A B -> 1 when A <= B (numbers; A "-", nothing measured, is never within), else 0
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a != "-" && a + 0 <= b + 0) ? 1 : 0 }'; }

# service_pids -> the pids of the three services, space-separated
service_pids() { cat "$PID_DIR"/graphql-gateway.pid "$PID_DIR"/cache-service.pid "$PID_DIR"/store-service.pid | tr '\n' ' '; }
# services_restarted PIDS_BEFORE -> "no" when each of those processes still runs and no service has another, else "yes"
services_restarted() {
  local pid restarted=no
  for pid in $1; do kill -0 "$pid" 2>/dev/null || restarted=yes; done
  [[ $1 == "$(service_pids)" ]] || restarted=yes
  echo "$restarted"
}
# oom_lines -> OutOfMemoryError lines in the three services' logs
oom_lines() {
  cat "$LOG_DIR"/graphql-gateway.log "$LOG_DIR"/cache-service.log "$LOG_DIR"/store-service.log 2>/dev/null |
    grep -c OutOfMemoryError || true
}

# drill_mark EVENT -> records when it happened
drill_mark() {
  printf '%s %s\n' "$(now_ms)" "$1" >>"$DRILL_OUT/events"
  note "$(date -u +%H:%M:%S) $1"
}

event_time() { awk -v e="$1" '$2 == e { print $1; exit }' "$DRILL_OUT/events"; }

# drill_start_load -> Gatling's DrillLoad in the background; returns once requests flow
drill_start_load() {
  DRILL_RUN_ID=drill$(date +%s)
  step "Gatling DrillLoad for ${DRILL_DURATION}s against $GATEWAY (log: $DRILL_OUT/gatling.log)"
  (cd "$ROOT" && mvn -q -B -f perf/gatling/pom.xml gatling:test \
    -Dgatling.simulationClass=dev.authgateway.perf.gatling.DrillLoad \
    -DbaseUrl="$GATEWAY" -DdurationSeconds="$DRILL_DURATION" -DrampSeconds="$DRILL_RAMP" -DrampFromFraction="$DRILL_RAMP_FROM" -Daccounts=20 -DrunId="$DRILL_RUN_ID" \
    -DprofilesPerSecond="$DRILL_PROFILES" -DloginsPerSecond="$DRILL_LOGINS" -DsignupsPerSecond="$DRILL_SIGNUPS" \
    ${DRILL_GATLING_OPTS[@]+"${DRILL_GATLING_OPTS[@]}"} \
    -DdrillLog="$DRILL_OUT/requests.csv" -DdrillSignups="$DRILL_OUT/signups.txt" \
    >"$DRILL_OUT/gatling.log" 2>&1) &
  LOAD_PID=$!
  local _
  for _ in $(seq 1 240); do
    [[ -s $DRILL_OUT/requests.csv ]] && { drill_mark load-started; return; }
    kill -0 "$LOAD_PID" 2>/dev/null || { tail -n 30 "$DRILL_OUT/gatling.log" >&2; die "Gatling stopped before any request"; }
    sleep 0.5
  done
  die "no request within 120 s; see $DRILL_OUT/gatling.log"
}

drill_wait_for_fault_time() {
  local start
  start=$(event_time load-started)
  while (($(now_ms) < start + (DRILL_RAMP + DRILL_FAULT_AT) * 1000)); do sleep 0.2; done
  drill_mark "full-rate-for-${DRILL_FAULT_AT}s"
}

drill_wait_load() {
  step "waiting for the load to finish"
  wait "$LOAD_PID" || note "Gatling exited with $? (see $DRILL_OUT/gatling.log)"
  drill_mark load-finished
}

# metric URL NAME -> the sum of a Prometheus counter's series
metric() {
  curl -s --max-time 2 "$1" | awk -v n="$2" 'index($0, n) == 1 { s += $NF } END { printf "%d\n", s }'
}

# p99 FROM TO [KIND] -> the 99th percentile latency of the answered requests ending in [FROM, TO), "N ms" or "-"
p99() {
  local value
  value=$(window "$1" "$2" "${3:-.*}" any | awk -F, '$3 >= 0 { print $3 }' | percentile_99)
  [[ $value == - ]] && echo - || echo "$value ms"
}

# count FROM TO [KIND] [STATUS] -> how many requests ended in [FROM, TO), of that kind and status (default: any)
count() { window_count "$1" "$2" "${3:-.*}" "${4:-any}"; }

# drill_check_signups -> logs in as every user whose signup was answered with success; sets LOST
drill_check_signups() {
  step "logging in as every user signed up during the drill"
  local username checked=0 body
  LOST=0
  while read -r username; do
    [[ -n $username ]] || continue
    # shellcheck disable=SC2016  # $i is a GraphQL variable, not a shell one
    body=$(printf '{"query":"mutation($i: LoginInput!) { login(input: $i) { accessToken } }","variables":{"i":{"login":"%s","password":"%s"}}}' "$username" "perf password $DRILL_RUN_ID")
    if ! curl -s --max-time 10 "$GATEWAY/graphql" -H 'Content-Type: application/json' -d "$body" | grep -q '"accessToken"'; then
      LOST=$((LOST + 1))
      note "cannot log in as $username"
    fi
    checked=$((checked + 1))
  done <"$DRILL_OUT/signups.txt"
  SIGNUPS_CHECKED=$checked
}

# drill_verdict RECOVERED_EVENT EXPECTATION -> prints and saves the verdict; exit status 1 when it failed
drill_verdict() {
  local fault recovered finished start total failed
  start=$(event_time load-started)
  fault=$(event_time fault)
  recovered=$(event_time "$1")
  finished=$(event_time load-finished)
  finished=$((finished + 1000))
  [[ -n $recovered ]] || recovered=$finished
  total=$(count 0 "$finished")
  failed=$(count 0 "$finished" "" KO)
  {
    echo "drill:    $DRILL_NAME"
    echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine:  $(machine_label); load generator (Gatling) on the same machine"
    echo "build:    $(build_label | paste -sd' ')"
    echo "load:     DrillLoad, ${DRILL_RAMP}s ramp from $(awk -v f="$DRILL_RAMP_FROM" 'BEGIN { printf "%g", f * 100 }') % then ${DRILL_DURATION}s: profile $DRILL_PROFILES/s$DRILL_LOAD_SOURCE, login $DRILL_LOGINS/s, signup $DRILL_SIGNUPS/s (perf/gatling)"
    echo "timeline (seconds after the load started):"
    awk -v s="$start" '{ printf "  %7.1f  %s\n", ($1 - s) / 1000, $2 }' "$DRILL_OUT/events"
    echo "requests: $total sent, $failed failed ($(count 0 "$((fault - DRILL_FAULT_AT * 1000))" "" KO) of them during the ramp)"
    for kind in profile login signup; do
      echo "  $kind: $(count 0 "$finished" "$kind") sent, $(count 0 "$finished" "$kind" KO) failed"
    done
    echo "p99:      before (full rate) $(p99 "$((fault - DRILL_FAULT_AT * 1000))" "$fault"), during $(p99 "$fault" "$recovered"), after $(p99 "$recovered" "$finished")"
    echo "recovery: $((recovered - fault))ms from the fault to '$1'"
    echo "writes:   $SIGNUPS_CHECKED signups answered with success, $LOST of them cannot log in afterwards"
    echo "expected: $2"
  } | tee "$DRILL_OUT/verdict.txt"
  # shellcheck disable=SC2034  # read by the drill scripts
  VERDICT_FILE=$DRILL_OUT/verdict.txt
}

# window FROM TO KINDS STATUS -> the requests ending in [FROM, TO) whose kind matches the regex KINDS and whose status
# is STATUS (OK, KO or any), as "end-ms,kind,latency-ms,status" lines; latency -1 means no answer (Gatling timed out).
# From DRILL_JUDGED when set (a drill that leaves some requests out of its judgement), else every request.
window() {
  awk -F, -v a="$1" -v b="$2" -v k="$3" -v s="$4" \
    '$1 >= a && $1 < b && $2 ~ ("^(" k ")$") && (s == "any" || $4 == s)' "${DRILL_JUDGED:-$DRILL_OUT/requests.csv}"
}
window_count() { window "$@" | wc -l; }
# first_request_end -> when the first request ended (ms): the load's clock, exact where load-started is polled
first_request_end() { awk -F, 'NR == 1 || $1 < m { m = $1 } END { print m }' "$DRILL_OUT/requests.csv"; }
# window_p99 ... -> the 99th percentile latency in ms, an unanswered request counting as the slowest; "-" when none
window_p99() { window "$@" | awk -F, '{ print ($3 < 0 ? 999999 : $3) }' | percentile_99; }
# percentile_99 -> the 99th percentile of the numbers on standard input, one a line; "-" when there are none
percentile_99() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else { i = int(NR * 0.99); if (i < NR * 0.99) i++; print v[i] } }'
}
