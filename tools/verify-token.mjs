// A third-party verifier with no project code: given only the gateway's RFC 8414 discovery URL and a token, it reads
// the metadata, fetches the keys from its jwks_uri and verifies the token with jose (issuer and algorithms from the
// metadata). Prints the verified claims as JSON and exits 0, or prints why and exits 1.
// Usage: node tools/verify-token.mjs <discovery-url> <token>
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [discoveryUrl, token] = process.argv.slice(2);
if (!discoveryUrl || !token) {
  console.error('usage: node tools/verify-token.mjs <discovery-url> <token>');
  process.exit(2);
}

try {
  const response = await fetch(discoveryUrl, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`discovery answered ${response.status}`);
  }
  const metadata = await response.json();
  const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri));
  const { payload, protectedHeader } = await jwtVerify(token, jwks, {
    issuer: metadata.issuer,
    algorithms: metadata.access_token_signing_alg_values_supported,
  });
  console.log(JSON.stringify({ verified: true, alg: protectedHeader.alg, kid: protectedHeader.kid, claims: payload }));
} catch (error) {
  console.log(JSON.stringify({ verified: false, code: error.code ?? null, message: error.message }));
  process.exit(1);
}
