# Uses the Redis on loopback when it answers PING; otherwise runs a private one.
# shellcheck shell=bash

redis_usable() {
  if command -v redis-cli >/dev/null 2>&1; then
    [[ $(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null) == PONG ]]
  else
    local reply
    exec 3<>"/dev/tcp/127.0.0.1/$1" 2>/dev/null || return 1
    printf 'PING\r\n' >&3
    read -r -t 2 reply <&3 || true
    exec 3<&-
    [[ $reply == +PONG* ]]
  fi
}

ensure_redis() {
  local port
  port=$(state_get REDIS_PORT)
  if [[ -n $port ]] && redis_usable "$port"; then
    REDIS_PORT=$port
    return
  fi
  port=${REDIS_PORT:-6379}
  if redis_usable "$port"; then
    REDIS_PORT=$port
    state_set REDIS_PORT "$port"
    state_set REDIS_OURS no
    note "Redis: using the server on 127.0.0.1:$port"
    return
  fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  if port_open 127.0.0.1 "$port"; then
    note "127.0.0.1:$port is taken by something that is not Redis; starting a private Redis"
    port=$(free_port_from 16379)
  fi
  step "starting a private Redis on 127.0.0.1:$port"
  mkdir -p "$RUN_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --dir "$RUN_DIR/redis" --pidfile "$PID_DIR/redis.pid" --logfile "$LOG_DIR/redis.log" >/dev/null
  local _
  for _ in $(seq 1 50); do
    redis_usable "$port" && break
    sleep 0.1
  done
  redis_usable "$port" || die "Redis did not start; see $LOG_DIR/redis.log"
  REDIS_PORT=$port
  state_set REDIS_PORT "$port"
  state_set REDIS_OURS yes
  # shellcheck disable=SC2034  # read by cmd_test (ops/stack)
  REDIS_STARTED_NOW=yes
}

stop_redis_if_ours() {
  [[ $(state_get REDIS_OURS) == yes ]] || return 0
  step "stopping the private Redis"
  local pid
  pid=$(cat "$PID_DIR/redis.pid" 2>/dev/null || true)
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi
  state_set REDIS_OURS no
  state_set REDIS_PORT ""
}
