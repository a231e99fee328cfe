# Picks a JDK 21+ and Maven, installing them with apt-get when absent.
# shellcheck shell=bash

java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

find_java() {
  local candidates=() candidate major best="" best_major=0
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME/bin/java")
  for candidate in /usr/lib/jvm/*/bin/java; do candidates+=("$candidate"); done
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for candidate in "${candidates[@]}"; do
    [[ -x $candidate ]] || continue
    major=$(java_major "$candidate")
    [[ $major =~ ^[0-9]+$ ]] || continue
    # JAVA_HOME wins when it is new enough; otherwise the newest JDK found.
    if [[ $candidate == "${JAVA_HOME:-}/bin/java" && $major -ge 21 ]]; then
      printf '%s\n' "$candidate"
      return
    fi
    if ((major >= 21 && major > best_major)); then
      best=$candidate
      best_major=$major
    fi
  done
  [[ -n $best ]] && printf '%s\n' "$best"
}

ensure_java() {
  local java
  java=$(find_java || true)
  if [[ -z $java ]]; then
    step "no JDK 21+ found; installing one"
    apt_install openjdk-21-jdk-headless 2>/dev/null || apt_install openjdk-25-jdk-headless 2>/dev/null \
      || die "no JDK 21+ available from apt-get; install one and set JAVA_HOME"
    java=$(find_java || true)
    [[ -n $java ]] || die "a JDK was installed but none is 21+; set JAVA_HOME to a JDK 21+"
  fi
  JAVA_HOME=$(cd "$(dirname "$java")/.." && pwd)
  JAVA_MAJOR=$(java_major "$java")
  export JAVA_HOME JAVA_MAJOR
  export PATH="$JAVA_HOME/bin:$PATH"
}

ensure_maven() {
  command -v mvn >/dev/null 2>&1 || apt_install maven
}
