# The dev JWT signing key: generated once per checkout into .run/keys, never committed.
# shellcheck shell=bash

SIGNING_KEY=$RUN_DIR/keys/jwt-signing.pem

ensure_signing_key() {
  command -v openssl >/dev/null 2>&1 || apt_install openssl
  if [[ ! -s $SIGNING_KEY ]]; then
    step "generating a dev JWT signing key (EC P-256) in $SIGNING_KEY"
    mkdir -p "$(dirname "$SIGNING_KEY")"
    chmod 700 "$(dirname "$SIGNING_KEY")"
    generate_signing_key "$SIGNING_KEY"
  fi
  # shellcheck disable=SC2034  # read by start_services (services.sh)
  SIGNING_KEY_ID="dev-$(openssl pkey -in "$SIGNING_KEY" -pubout -outform DER 2>/dev/null | sha256sum | cut -c1-12)"
}

# An EC P-256 private key followed by its public key, the PEM the gateway reads (app.jwt.private-key-file).
generate_signing_key() {
  local file=$1
  (
    umask 077
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$file.tmp" 2>/dev/null
    openssl pkey -in "$file.tmp" -pubout -out "$file.pub" 2>/dev/null
    cat "$file.tmp" "$file.pub" >"$file"
    rm -f "$file.tmp" "$file.pub"
  )
}
