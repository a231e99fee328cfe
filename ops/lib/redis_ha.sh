# ops/stack up --ha: Redis as one master, two replicas and three Sentinels on loopback, all private to the stack.
# shellcheck shell=bash

HA_MASTER_NAME=authgw
HA_DIR=$RUN_DIR/redis-ha

# ha_start NAME PORT ARGS... -> a daemonized redis-server (or Sentinel) with its pid and log in .run
ha_start() {
  local name=$1 port=$2
  shift 2
  redis-server "$@" --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$HA_DIR" \
    --pidfile "$PID_DIR/redis-ha-$name.pid" --logfile "$LOG_DIR/redis-ha-$name.log" >/dev/null
}

ensure_redis_ha() {
  local sentinels
  sentinels=$(state_get REDIS_SENTINELS)
  if [[ -n $sentinels ]] && redis_usable "$(state_get REDIS_HA_MASTER_PORT)"; then
    REDIS_SENTINELS=$sentinels
    return
  fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  mkdir -p "$HA_DIR"
  local master replica1 replica2 port list="" i
  master=$(free_port_from 16380)
  step "starting Redis HA: master on $master"
  ha_start master "$master" --save "" --appendonly no
  replica1=$(free_port_from $((master + 1)))
  ha_start replica1 "$replica1" --save "" --appendonly no --replicaof 127.0.0.1 "$master"
  replica2=$(free_port_from $((replica1 + 1)))
  ha_start replica2 "$replica2" --save "" --appendonly no --replicaof 127.0.0.1 "$master"
  port=$((replica2 + 1))
  for i in 1 2 3; do
    port=$(free_port_from "$port")
    cat >"$HA_DIR/sentinel-$i.conf" <<CONF
sentinel monitor $HA_MASTER_NAME 127.0.0.1 $master 2
sentinel down-after-milliseconds $HA_MASTER_NAME 2000
sentinel failover-timeout $HA_MASTER_NAME 10000
sentinel parallel-syncs $HA_MASTER_NAME 1
CONF
    ha_start "sentinel-$i" "$port" "$HA_DIR/sentinel-$i.conf" --sentinel
    list+="${list:+,}redis://127.0.0.1:$port"
    port=$((port + 1))
  done
  note "replicas on $replica1 and $replica2, Sentinels at $list (master name $HA_MASTER_NAME)"
  REDIS_SENTINELS=$list
  state_set REDIS_SENTINELS "$list"
  state_set REDIS_HA_MASTER_PORT "$master"
}

stop_redis_ha() {
  local pidfile
  for pidfile in "$PID_DIR"/redis-ha-*.pid; do
    [[ -f $pidfile ]] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  state_set REDIS_SENTINELS ""
  state_set REDIS_HA_MASTER_PORT ""
}

# redis_flags -> how the cache-service and the gateway reach Redis: through Sentinel in HA mode, else directly
redis_flags() {
  if [[ -n ${REDIS_SENTINELS:-} ]]; then
    printf '%s\n' "-Dapp.redis.sentinel.master-name=$HA_MASTER_NAME" "-Dapp.redis.sentinel.addresses=$REDIS_SENTINELS" \
      "-Dapp.redis.invalidation-replicas=1"
  else
    printf '%s\n' "-Dapp.redis.address=redis://127.0.0.1:$REDIS_PORT"
  fi
}
