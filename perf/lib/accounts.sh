# Accounts for load runs: signed up through the GraphQL API, their access tokens kept one per line.
# shellcheck shell=bash

# sign_up_accounts GRAPHQL_URL COUNT TOKENS_FILE: four signups at a time (each runs one Argon2id hash on the store,
# four keep both cores busy); each job prints its token in one write, so the parallel jobs' lines do not interleave.
# Dies unless every signup succeeded.
sign_up_accounts() {
  local graphql=$1 count=$2 tokens=$3 run_id
  run_id=$(date +%s)$RANDOM
  # shellcheck disable=SC2016  # the sh -c script expands $1..$3 itself
  seq 1 "$count" | xargs -P 4 -n 1 sh -c '
    name="perf_$2_$3"
    token=$(curl -sS -m 30 "$1" -H "Content-Type: application/json" -d "{\"query\":\"mutation { signup(input: {username: \\\"$name\\\", email: \\\"$name@perf.example\\\", password: \\\"perf password $2\\\", displayName: \\\"Perf $3\\\"}) { accessToken } }\"}" \
      | sed -n -E "s/.*\"accessToken\":\"([^\"]+)\".*/\1/p")
    [ -n "$token" ] && printf "%s\n" "$token"' sh "$graphql" "$run_id" >"$tokens" || true
  [[ $(wc -l <"$tokens") -eq $count ]] || die "only $(wc -l <"$tokens") of $count signups succeeded at $graphql"
}
