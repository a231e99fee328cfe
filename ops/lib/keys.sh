# The dev JWT signing key: generated once per checkout into .run/keys, never committed.
# shellcheck shell=bash

SIGNING_KEY=$RUN_DIR/keys/jwt-signing.pem

ensure_signing_key() {
  command -v openssl >/dev/null 2>&1 || apt_install openssl
  if [[ ! -s $SIGNING_KEY ]]; then
    step "generating a dev JWT signing key (EC P-256) in $SIGNING_KEY"
    mkdir -p "$(dirname "$SIGNING_KEY")"
    chmod 700 "$(dirname "$SIGNING_KEY")"
    (
      umask 077
      openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$SIGNING_KEY.tmp" 2>/dev/null
      openssl pkey -in "$SIGNING_KEY.tmp" -pubout -out "$SIGNING_KEY.pub" 2>/dev/null
      cat "$SIGNING_KEY.tmp" "$SIGNING_KEY.pub" >"$SIGNING_KEY"
      rm -f "$SIGNING_KEY.tmp" "$SIGNING_KEY.pub"
    )
  fi
  SIGNING_KEY_ID="dev-$(openssl pkey -in "$SIGNING_KEY" -pubout -outform DER 2>/dev/null | sha256sum | cut -c1-12)"
}
