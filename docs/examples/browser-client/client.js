// A minimal frontend of the gateway: GraphQL over fetch, the access token kept in memory only (not localStorage),
// sent as "Authorization: Bearer". The refresh token never reaches this script: with app.sessions.refresh-cookie on,
// the gateway keeps it in an HttpOnly cookie on /graphql, sent by the browser because of credentials: "include".
// Errors are shown by their extensions.code, as a real client would branch on them.
const params = new URLSearchParams(window.location.search);
const field = (id) => document.getElementById(id);
// localhost, not 127.0.0.1: the refresh cookie is SameSite=Strict, so the page and the gateway must share a site.
field("gateway").value = params.get("gateway") ?? "http://localhost:8080";
field("username").value = params.get("username") ?? "ada";
field("email").value = `${field("username").value}@example.com`;
field("password").value = "correct horse battery staple";
field("origin").textContent = window.location.origin;

let accessToken = null;

async function graphql(query, variables, token) {
  const headers = { "Content-Type": "application/json", Accept: "application/graphql-response+json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${field("gateway").value}/graphql`, {
    method: "POST", headers, body: JSON.stringify({ query, variables }), credentials: "include",
  });
  return response.json();
}

function show(label, body) {
  const result = field("result");
  const error = body.errors?.[0];
  result.className = error ? "error" : "";
  result.dataset.outcome = error ? `error:${error.extensions?.code ?? "UNKNOWN"}` : `ok:${label}`;
  result.textContent = `${label}\n${JSON.stringify(error ? body.errors : body.data, null, 2)}`;
}

async function run(label, action) {
  try {
    show(label, await action());
  } catch (failure) {
    // A refused CORS check reaches JavaScript only as a failed fetch, without the answer.
    field("result").className = "error";
    field("result").dataset.outcome = "error:NETWORK";
    field("result").textContent = `${label}\nThe request failed (${failure.message}). Is this origin allowed by the gateway's app.cors.allowed-origins?`;
  }
}

field("signup").addEventListener("click", () => run("Signed up", async () => {
  const body = await graphql(
    "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username } } }",
    { input: { username: field("username").value, email: field("email").value,
               password: field("password").value, displayName: field("username").value } });
  accessToken = body.data?.signup?.accessToken ?? accessToken;
  return body;
}));

field("login").addEventListener("click", () => run("Logged in", async () => {
  const body = await graphql(
    "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn } }",
    { input: { login: field("username").value, password: field("password").value } });
  accessToken = body.data?.login?.accessToken ?? accessToken;
  return body;
}));

field("profile").addEventListener("click", () => run("Profile", () =>
  graphql("{ profile { id username email displayName createdAt } }", {}, accessToken)));

// No token argument: the browser sends the refresh cookie, and the answer sets the next one.
field("refresh").addEventListener("click", () => run("Refreshed", async () => {
  const body = await graphql("mutation Refresh { refreshToken { accessToken expiresIn refreshToken } }", {});
  accessToken = body.data?.refreshToken?.accessToken ?? accessToken;
  return body;
}));

field("logout").addEventListener("click", () => run("Logged out", async () => {
  const body = await graphql("mutation Logout { logout }", {}, accessToken);
  if (body.data?.logout) accessToken = null;
  return body;
}));
