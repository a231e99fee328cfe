# The dev mail server: GreenMail standalone, an SMTP server that keeps every message, with a REST API and a web page
# to read them. The store-service's sender delivers to it under `ops/stack up`; nothing leaves the machine.
# shellcheck shell=bash

GREENMAIL_VERSION=2.1.5
MAIL_SMTP_PORT=${MAIL_SMTP_PORT:-3025}
MAIL_API_PORT=${MAIL_API_PORT:-8025}
GREENMAIL_JAR=$RUN_DIR/lib/greenmail-standalone-$GREENMAIL_VERSION.jar

# The standalone jar from the local Maven repository, or fetched by Maven into it, then copied into .run/lib.
ensure_greenmail_jar() {
  [[ -s $GREENMAIL_JAR ]] && return 0
  step "fetching GreenMail standalone $GREENMAIL_VERSION (Maven: local repository first)"
  mkdir -p "$(dirname "$GREENMAIL_JAR")"
  (cd "$ROOT" && mvn -B -q --no-transfer-progress dependency:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
    -DoutputDirectory="$(dirname "$GREENMAIL_JAR")") || die "could not get com.icegreen:greenmail-standalone:$GREENMAIL_VERSION"
  [[ -s $GREENMAIL_JAR ]] || die "GreenMail standalone is not at $GREENMAIL_JAR after the download"
}

# Starts GreenMail on loopback unless it already runs: SMTP on MAIL_SMTP_PORT, the API and web page on MAIL_API_PORT.
start_mail() {
  if [[ -n $(pid_of greenmail) ]]; then
    note "greenmail already running (pid $(pid_of greenmail))"
    return 0
  fi
  ensure_greenmail_jar
  local port _
  for port in "$MAIL_SMTP_PORT" "$MAIL_API_PORT"; do
    port_open 127.0.0.1 "$port" && die "port $port (for greenmail) is taken by another process; stop it (ss -ltnp 'sport = :$port') or set MAIL_SMTP_PORT / MAIL_API_PORT, and retry"
  done
  step "starting greenmail (SMTP :$MAIL_SMTP_PORT, API :$MAIL_API_PORT)"
  nohup java -Xmx64m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MAIL_SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" -Dgreenmail.auth.disabled \
    -jar "$GREENMAIL_JAR" >"$LOG_DIR/greenmail.log" 2>&1 &
  echo $! >"$PID_DIR/greenmail.pid"
  for _ in $(seq 1 60); do
    if [[ $(http_status "http://127.0.0.1:$MAIL_API_PORT/api/service/readiness") == 200 ]]; then
      note "greenmail ready"
      return 0
    fi
    if [[ -z $(pid_of greenmail) ]]; then
      tail -n 20 "$LOG_DIR/greenmail.log" >&2 || true
      die "greenmail exited during start-up; its log is $LOG_DIR/greenmail.log"
    fi
    sleep 0.5
  done
  die "greenmail was not ready within 30 s; its log is $LOG_DIR/greenmail.log"
}

mail_status_line() {
  local pid
  pid=$(pid_of greenmail || true)
  if [[ -z $pid ]]; then
    printf '%-16s %-8s\n' greenmail stopped
  else
    printf '%-16s %-8s pid %-7s smtp :%s api :%s\n' greenmail running "$pid" "$MAIL_SMTP_PORT" "$MAIL_API_PORT"
  fi
}
