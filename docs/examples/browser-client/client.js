// Generated from src/client.ts by `node tools/example-client.mjs` (GraphQL Code Generator, esbuild): edit that, not this.
"use strict";
(() => {
  // src/gql/graphql.ts
  var TypedDocumentString = class extends String {
    __apiType;
    value;
    __meta__;
    constructor(value, __meta__) {
      super(value);
      this.value = value;
      this.__meta__ = __meta__;
    }
    toString() {
      return this.value;
    }
  };
  var SignupDocument = new TypedDocumentString(`
    mutation Signup($input: SignupInput!) {
  signup(input: $input) {
    accessToken
    user {
      id
      username
    }
  }
}
    `, { "hash": "sha256:ef334bb8c782db1422b3429ad7539685f875d85c76a8fb2dd5ba3c92e2d5b33a" });
  var LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    expiresIn
    refreshToken
    refreshExpiresIn
  }
}
    `, { "hash": "sha256:06160646c12b1a40c69f64fb97ae1619225f5f1a74b0a5791e8f7361be23c32a" });
  var ProfileDocument = new TypedDocumentString(`
    query Profile {
  profile {
    id
    username
    email
    displayName
    createdAt
  }
}
    `, { "hash": "sha256:c7b40f57d37b0ee0054864b26c4ef9e4e5ed720273390d8c90ad625d2daac7f0" });
  var RefreshDocument = new TypedDocumentString(`
    mutation Refresh {
  refreshToken {
    accessToken
    expiresIn
    refreshToken
  }
}
    `, { "hash": "sha256:ba15282af97ac830e0973453a5bb525abcc89969f76dbaf040c5f044e2200811" });
  var LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `, { "hash": "sha256:cb1d14c1cc99a25294cfa4376de2402364cb32e6c038a11fb36cf0ebb3a5ce91" });

  // src/gql/gql.ts
  var documents = {
    "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username } } }": SignupDocument,
    "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn } }": LoginDocument,
    "query Profile { profile { id username email displayName createdAt } }": ProfileDocument,
    "mutation Refresh { refreshToken { accessToken expiresIn refreshToken } }": RefreshDocument,
    "mutation Logout { logout }": LogoutDocument
  };
  function graphql(source) {
    return documents[source] ?? {};
  }

  // src/client.ts
  function element(id, type) {
    const found = document.getElementById(id);
    if (!(found instanceof type)) throw new Error(`the page has no #${id} of type ${type.name}`);
    return found;
  }
  var input = (id) => element(id, HTMLInputElement);
  var params = new URLSearchParams(window.location.search);
  input("gateway").value = params.get("gateway") ?? "http://localhost:8080";
  input("username").value = params.get("username") ?? "ada";
  input("email").value = `${input("username").value}@example.com`;
  input("password").value = "correct horse battery staple";
  element("origin", HTMLElement).textContent = window.location.origin;
  var SignupMutation = graphql(`mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username } } }`);
  var LoginMutation = graphql(`mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn } }`);
  var ProfileQuery = graphql(`query Profile { profile { id username email displayName createdAt } }`);
  var RefreshMutation = graphql(`mutation Refresh { refreshToken { accessToken expiresIn refreshToken } }`);
  var LogoutMutation = graphql(`mutation Logout { logout }`);
  var accessToken = null;
  async function execute(operation, variables, token = null) {
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json"
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(`${input("gateway").value}/graphql`, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: operation.toString(), variables }),
      credentials: "include"
    });
    return await response.json();
  }
  function show(label, body) {
    const result = element("result", HTMLElement);
    const error = body.errors?.[0];
    result.className = error ? "error" : "";
    result.dataset.outcome = error ? `error:${error.extensions?.code ?? "UNKNOWN"}` : `ok:${label}`;
    result.textContent = `${label}
${JSON.stringify(error ? body.errors : body.data, null, 2)}`;
  }
  async function run(label, action) {
    try {
      show(label, await action());
    } catch (failure) {
      const result = element("result", HTMLElement);
      const reason = failure instanceof Error ? failure.message : String(failure);
      result.className = "error";
      result.dataset.outcome = "error:NETWORK";
      result.textContent = `${label}
The request failed (${reason}). Is this origin allowed by the gateway's app.cors.allowed-origins?`;
    }
  }
  function onClick(id, label, action) {
    element(id, HTMLButtonElement).addEventListener("click", () => run(label, action));
  }
  onClick("signup", "Signed up", async () => {
    const body = await execute(SignupMutation, {
      input: {
        username: input("username").value,
        email: input("email").value,
        password: input("password").value,
        displayName: input("username").value
      }
    });
    accessToken = body.data?.signup.accessToken ?? accessToken;
    return body;
  });
  onClick("login", "Logged in", async () => {
    const body = await execute(LoginMutation, {
      input: { login: input("username").value, password: input("password").value }
    });
    accessToken = body.data?.login.accessToken ?? accessToken;
    return body;
  });
  onClick("profile", "Profile", () => execute(ProfileQuery, {}, accessToken));
  onClick("refresh", "Refreshed", async () => {
    const body = await execute(RefreshMutation, {});
    accessToken = body.data?.refreshToken.accessToken ?? accessToken;
    return body;
  });
  onClick("logout", "Logged out", async () => {
    const body = await execute(LogoutMutation, {}, accessToken);
    if (body.data?.logout) accessToken = null;
    return body;
  });
})();
