// Generated from src/ by `node tools/example-client.mjs` (GraphQL Code Generator, esbuild): edit that, not this.

// src/page.ts
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the page has no #${id} of type ${type.name}`);
  return found;
}
var input = (id) => element(id, HTMLInputElement);
var HIDDEN_IN_RESULT = {
  challenge: "(kept in this page's memory for the second step)",
  qrCodeSvg: "(shown above as an image)"
};
function show(label, body, status) {
  const result = element("result", HTMLElement);
  const error = body.errors?.[0];
  const code = error?.extensions?.code ?? "UNKNOWN";
  result.className = error ? "error" : "";
  result.dataset.outcome = error ? `error:${code}` : `ok:${label}`;
  result.textContent = `${label}
${JSON.stringify(
    error ? body.errors : body.data,
    (key, value) => HIDDEN_IN_RESULT[key] ?? value,
    2
  )}`;
  if (status) {
    const wait = error?.extensions?.retryAfterSeconds;
    status.className = error ? "status error" : "status";
    status.dataset.outcome = result.dataset.outcome;
    status.textContent = error ? `${code}: ${error.message}${wait === void 0 ? "" : ` (retry in ${wait} s)`}` : label;
  }
  return !error;
}
async function run(label, action, status) {
  try {
    show(label, await action(), status);
  } catch (failure) {
    const reason = failure instanceof Error ? failure.message : String(failure);
    const text = `The request failed (${reason}). Is this origin allowed by the gateway's app.cors.allowed-origins?`;
    const result = element("result", HTMLElement);
    result.className = "error";
    result.dataset.outcome = "error:NETWORK";
    result.textContent = `${label}
${text}`;
    if (status) {
      status.className = "status error";
      status.dataset.outcome = "error:NETWORK";
      status.textContent = `NETWORK: ${text}`;
    }
  }
}
function onClick(id, label, action, statusId) {
  element(id, HTMLButtonElement).addEventListener(
    "click",
    () => run(label, action, statusId === void 0 ? void 0 : element(statusId, HTMLElement))
  );
}
function takeLinkToken() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  if (token !== null) history.replaceState(null, "", window.location.pathname + window.location.search);
  return token;
}
function accountPageUrl() {
  const url = new URL(window.location.href);
  url.search = "";
  url.hash = "";
  url.searchParams.set("gateway", input("gateway").value);
  return url.href;
}

// src/account-state.ts
var user = null;
function signedInUser() {
  return user;
}
function setUser(signedIn2) {
  user = signedIn2;
  const yesNo = (value) => value ? "yes" : "no";
  element("state-user", HTMLElement).textContent = user ? `${user.username} (${user.email})` : "nobody";
  element("state-email-verified", HTMLElement).textContent = user ? yesNo(user.emailVerified) : "unknown";
  element("state-second-factor", HTMLElement).textContent = user ? user.secondFactorEnabled ? "on (login asks for a code)" : "off" : "unknown";
}
function changeUser(change) {
  if (user) setUser({ ...user, ...change });
}

// src/api.ts
var session = { accessToken: null };
var errorCode = (body) => body.errors?.[0]?.extensions?.code;
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
var executeSignedIn = (operation, variables) => execute(operation, variables, session.accessToken);

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
var ExportAccountDocument = new TypedDocumentString(`
    query ExportAccount {
  exportAccount
}
    `, { "hash": "sha256:d177d5d12f354661455f00595c56d14ea4cd854d23fcdd124dd30e8c2ec3a908" });
var RequestEmailChangeDocument = new TypedDocumentString(`
    mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {
  requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)
}
    `, { "hash": "sha256:c68003ea325d8bbeddf570ec2770336858cf4c94c3b718a323fbbc150a95d311" });
var ConfirmEmailChangeDocument = new TypedDocumentString(`
    mutation ConfirmEmailChange($token: String!) {
  confirmEmailChange(token: $token)
}
    `, { "hash": "sha256:25a1e59daafda1f9bcf6e5f5e227645aae0fa0a60ee194f2ce895ea56bf4c796" });
var DeleteAccountDocument = new TypedDocumentString(`
    mutation DeleteAccount($currentPassword: String!, $code: String) {
  deleteAccount(currentPassword: $currentPassword, code: $code)
}
    `, { "hash": "sha256:5e56148ed120b7c732100de661256dcee06f14a3981a69261736bd1617f9b73c" });
var SignupDocument = new TypedDocumentString(`
    mutation Signup($input: SignupInput!) {
  signup(input: $input) {
    accessToken
    user {
      id
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, { "hash": "sha256:31d0cb1d2a9e91af668035e12bf60c336048256863b16a48f95d65cfa36b64ab" });
var LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    expiresIn
    refreshToken
    refreshExpiresIn
    user {
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, { "hash": "sha256:d4049702d99107b0f6a700a1104ff1aa40620e191f6aa21d6667eea9b4deff7c" });
var VerifySecondFactorDocument = new TypedDocumentString(`
    mutation VerifySecondFactor($challenge: String!, $code: String!) {
  verifySecondFactor(challenge: $challenge, code: $code) {
    accessToken
    expiresIn
    refreshToken
    user {
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, { "hash": "sha256:35a0c9d64714a2db07293ed36f2eb979c33cbd147a0a88a073613e7254a285da" });
var ProfileDocument = new TypedDocumentString(`
    query Profile {
  profile {
    id
    username
    email
    displayName
    createdAt
    emailVerified
    secondFactorEnabled
  }
}
    `, { "hash": "sha256:5951c547a390c6e8cd82571b2ecd23d6973b509fed9b2131267127299f89f4b6" });
var RefreshDocument = new TypedDocumentString(`
    mutation Refresh {
  refreshToken {
    accessToken
    expiresIn
    refreshToken
    user {
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, { "hash": "sha256:515e9c38705e88d5317efbf34b88a650b7ce6658fdccab1e24983925260c97b1" });
var LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `, { "hash": "sha256:cb1d14c1cc99a25294cfa4376de2402364cb32e6c038a11fb36cf0ebb3a5ce91" });
var VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token)
}
    `, { "hash": "sha256:e181c0252bb83738f80e73ba6d552f4d74094330efb9de5c162ff275473d84d9" });
var ResendVerificationDocument = new TypedDocumentString(`
    mutation ResendVerification {
  resendVerification
}
    `, { "hash": "sha256:5ca8eecae14831be2bf419ba8e4416f54336f71b3db47a0dd51510ac19725d5b" });
var StartPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation StartPasskeyRegistration {
  startPasskeyRegistration {
    optionsJson
    expiresInSeconds
  }
}
    `, { "hash": "sha256:fc6bc1b58dc966b7bbe22a4f7ac0110dd2712c4077d3df052558a510272660fe" });
var FinishPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation FinishPasskeyRegistration($response: String!, $name: String) {
  finishPasskeyRegistration(response: $response, name: $name) {
    id
    name
    createdAt
    lastUsedAt
  }
}
    `, { "hash": "sha256:d250eb5fa406c5bb287316ad7fc48cfc01201dfc016f9133f250b6d0da7f810f" });
var PasskeysDocument = new TypedDocumentString(`
    query Passkeys {
  profile {
    passkeys {
      id
      name
      createdAt
      lastUsedAt
    }
  }
}
    `, { "hash": "sha256:03e612eda9c9671327e3c690118e77dc75df8bcf20168b9455df513911e788af" });
var RemovePasskeyDocument = new TypedDocumentString(`
    mutation RemovePasskey($id: ID!) {
  removePasskey(id: $id)
}
    `, { "hash": "sha256:d58cbcf230325ca410a24807ad1b01cafa763a789fb2d48fd1f1f692ad9dc10b" });
var StartPasskeyLoginDocument = new TypedDocumentString(`
    mutation StartPasskeyLogin {
  startPasskeyLogin {
    requestId
    optionsJson
    expiresInSeconds
  }
}
    `, { "hash": "sha256:7938ebbd68dbd6afdef42acc3ce899399056a0bd0f283b74d246244e21111500" });
var FinishPasskeyLoginDocument = new TypedDocumentString(`
    mutation FinishPasskeyLogin($requestId: String!, $response: String!) {
  finishPasskeyLogin(requestId: $requestId, response: $response) {
    accessToken
    expiresIn
    refreshToken
    user {
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, { "hash": "sha256:ebd5cb41954063bb3fa10af8261360ef3f31956adf732d7a0cacb630b67bf3aa" });
var RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `, { "hash": "sha256:5ac89982dc149995bab85b93caab9976bbc3fd5994fbf4173153f8686dba9d72" });
var ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input)
}
    `, { "hash": "sha256:5c8ccf52fa6849e6130938f2b7f0898c8a9872b780ff44f891c84b38dd96fc24" });
var ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input)
}
    `, { "hash": "sha256:b71997bdb2cee8b9b73900d61cd376d4d1ebc42c845f2e2ffc4970107955c2b1" });
var SessionsDocument = new TypedDocumentString(`
    query Sessions {
  sessions {
    id
    device
    clientAddress
    createdAt
    lastUsedAt
    expiresAt
    current
  }
}
    `, { "hash": "sha256:d4421f1ead6313c5c40ca341ca9a09a0f1f6853befd5b291f861cd566bcf5fcf" });
var EndSessionDocument = new TypedDocumentString(`
    mutation EndSession($id: ID!) {
  endSession(id: $id)
}
    `, { "hash": "sha256:67188c8e2ce8c2ea48c1bd4d57c0a8a15dc811c26d6565548a58888de31ab5fc" });
var EnrollTotpDocument = new TypedDocumentString(`
    mutation EnrollTotp {
  enrollTotp {
    qrCodeSvg
    secret
  }
}
    `, { "hash": "sha256:71b7b85049970351d9a4c3660449e594fe591d318837c77b53c3e7605400663b" });
var ConfirmTotpDocument = new TypedDocumentString(`
    mutation ConfirmTotp($code: String!) {
  confirmTotp(code: $code) {
    recoveryCodes
  }
}
    `, { "hash": "sha256:ef2e8f02c09a0365c2ef90df743a5e9ebc83802361f9bfc8925e10ec28574efb" });
var DisableTotpDocument = new TypedDocumentString(`
    mutation DisableTotp($code: String!) {
  disableTotp(code: $code)
}
    `, { "hash": "sha256:c1e63969210755f0addebaf5e1d65bb9ff34bd5201988218b1b3e07d37d179bf" });

// src/gql/gql.ts
var documents = {
  "query ExportAccount { exportAccount }": ExportAccountDocument,
  "mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) { requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) }": RequestEmailChangeDocument,
  "mutation ConfirmEmailChange($token: String!) { confirmEmailChange(token: $token) }": ConfirmEmailChangeDocument,
  "mutation DeleteAccount($currentPassword: String!, $code: String) { deleteAccount(currentPassword: $currentPassword, code: $code) }": DeleteAccountDocument,
  "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username email displayName emailVerified secondFactorEnabled } } }": SignupDocument,
  "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn user { username email displayName emailVerified secondFactorEnabled } } }": LoginDocument,
  "mutation VerifySecondFactor($challenge: String!, $code: String!) { verifySecondFactor(challenge: $challenge, code: $code) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": VerifySecondFactorDocument,
  "query Profile { profile { id username email displayName createdAt emailVerified secondFactorEnabled } }": ProfileDocument,
  "mutation Refresh { refreshToken { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": RefreshDocument,
  "mutation Logout { logout }": LogoutDocument,
  "mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }": VerifyEmailDocument,
  "mutation ResendVerification { resendVerification }": ResendVerificationDocument,
  "mutation StartPasskeyRegistration { startPasskeyRegistration { optionsJson expiresInSeconds } }": StartPasskeyRegistrationDocument,
  "mutation FinishPasskeyRegistration($response: String!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id name createdAt lastUsedAt } }": FinishPasskeyRegistrationDocument,
  "query Passkeys { profile { passkeys { id name createdAt lastUsedAt } } }": PasskeysDocument,
  "mutation RemovePasskey($id: ID!) { removePasskey(id: $id) }": RemovePasskeyDocument,
  "mutation StartPasskeyLogin { startPasskeyLogin { requestId optionsJson expiresInSeconds } }": StartPasskeyLoginDocument,
  "mutation FinishPasskeyLogin($requestId: String!, $response: String!) { finishPasskeyLogin(requestId: $requestId, response: $response) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": FinishPasskeyLoginDocument,
  "mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }": RequestPasswordResetDocument,
  "mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }": ResetPasswordDocument,
  "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }": ChangePasswordDocument,
  "query Sessions { sessions { id device clientAddress createdAt lastUsedAt expiresAt current } }": SessionsDocument,
  "mutation EndSession($id: ID!) { endSession(id: $id) }": EndSessionDocument,
  "mutation EnrollTotp { enrollTotp { qrCodeSvg secret } }": EnrollTotpDocument,
  "mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { recoveryCodes } }": ConfirmTotpDocument,
  "mutation DisableTotp($code: String!) { disableTotp(code: $code) }": DisableTotpDocument
};
function graphql(source) {
  return documents[source] ?? {};
}

// src/strength.ts
var GATEWAY_DEFAULT_MIN_SCORE = 3;
var TYPING_PAUSE_MS = 120;
var engine;
function attachStrengthMeter(passwordId, meterId, knownWords, watchedIds = []) {
  const password = input(passwordId);
  const view2 = meterView(element(meterId, HTMLElement));
  let latest = 0;
  let pause;
  async function score(asked2) {
    if (password.value === "") return view2.empty();
    view2.loading();
    try {
      const { estimate } = await (engine ??= import("./chunks/strength-engine-2XKMJB2L.js"));
      if (asked2 === latest) view2.scored(estimate(password.value, knownWords()));
    } catch {
      engine = void 0;
      if (asked2 === latest) view2.unavailable();
    }
  }
  const rescore = () => {
    const asked2 = ++latest;
    clearTimeout(pause);
    pause = setTimeout(() => void score(asked2), TYPING_PAUSE_MS);
  };
  password.addEventListener("input", rescore);
  for (const id of watchedIds) input(id).addEventListener("input", () => {
    if (password.value !== "") rescore();
  });
}
function meterView(container) {
  const meter = document.createElement("meter");
  Object.assign(meter, { min: 0, max: 4, low: 2, high: GATEWAY_DEFAULT_MIN_SCORE, optimum: 4, value: 0 });
  const line = document.createElement("span");
  const feedback = document.createElement("ul");
  container.replaceChildren(meter, line, feedback);
  container.setAttribute("aria-live", "polite");
  const state = (name, text, score) => {
    container.dataset.state = name;
    if (score === void 0) delete container.dataset.score;
    else container.dataset.score = String(score);
    meter.value = score ?? 0;
    line.textContent = text;
    feedback.replaceChildren();
  };
  const empty = () => state("empty", "Type a password to see how hard it is to guess.");
  empty();
  return {
    empty,
    loading: () => {
      if (container.dataset.state !== "scored") state("loading", "Loading the strength estimator…");
    },
    unavailable: () => state("unavailable", "The strength estimator did not load; the gateway still checks the password."),
    scored: ({ score, warning, suggestions }) => {
      const verdict = score >= GATEWAY_DEFAULT_MIN_SCORE ? "likely accepted" : "likely refused";
      state("scored", `Strength ${score} of 4: ${verdict} (the gateway asks for ${GATEWAY_DEFAULT_MIN_SCORE} by default, and its answer decides).`, score);
      for (const advice of warning ? [warning, ...suggestions] : suggestions) {
        const item = document.createElement("li");
        item.textContent = advice;
        feedback.append(item);
      }
    }
  };
}
function accountWords(username, email, displayName) {
  const localPart = email.includes("@") ? email.slice(0, email.indexOf("@")) : "";
  return [username, email, localPart, displayName, ...displayName.split(/\s+/)].filter((word) => word.trim() !== "");
}

// src/views/account.ts
var SignupMutation = graphql(`mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username email displayName emailVerified secondFactorEnabled } } }`);
var LoginMutation = graphql(`mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn user { username email displayName emailVerified secondFactorEnabled } } }`);
var VerifySecondFactorMutation = graphql(`mutation VerifySecondFactor($challenge: String!, $code: String!) { verifySecondFactor(challenge: $challenge, code: $code) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }`);
var ProfileQuery = graphql(`query Profile { profile { id username email displayName createdAt emailVerified secondFactorEnabled } }`);
var RefreshMutation = graphql(`mutation Refresh { refreshToken { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }`);
var LogoutMutation = graphql(`mutation Logout { logout }`);
var challenge = null;
function signedIn(payload) {
  if (!payload) return;
  session.accessToken = payload.accessToken;
  setUser(payload.user);
}
function askForSecondFactor(pending, expiresInSeconds) {
  challenge = pending;
  element("mfa", HTMLFormElement).hidden = pending === null;
  input("mfa-code").value = "";
  if (pending !== null) {
    element("mfa-expiry", HTMLElement).textContent = expiresInSeconds === void 0 ? "" : ` The password step stays valid for ${Math.round(expiresInSeconds / 60)} minutes.`;
    input("mfa-code").focus();
  }
}
function bindAccount(params2) {
  input("username").value = params2.get("username") ?? "ada";
  input("email").value = `${input("username").value}@example.com`;
  input("display-name").value = params2.get("displayName") ?? input("username").value;
  input("password").value = "correct horse battery staple";
  attachStrengthMeter(
    "password",
    "signup-strength",
    () => accountWords(input("username").value, input("email").value, input("display-name").value),
    ["username", "email", "display-name"]
  );
  onClick("signup", "Signed up", async () => {
    const body = await execute(SignupMutation, {
      input: {
        username: input("username").value,
        email: input("email").value,
        password: input("password").value,
        displayName: input("display-name").value
      }
    });
    signedIn(body.data?.signup);
    return body;
  }, "account-status");
  onClick("login", "Logged in", async () => {
    const body = await execute(LoginMutation, {
      input: { login: input("username").value, password: input("password").value }
    });
    const refused = body.errors?.[0]?.extensions;
    askForSecondFactor(
      refused?.code === "MFA_REQUIRED" ? refused.challenge ?? null : null,
      refused?.challengeExpiresInSeconds
    );
    signedIn(body.data?.login);
    return body;
  }, "account-status");
  onClick("mfa-verify", "Signed in with a second factor", async () => {
    const body = await execute(VerifySecondFactorMutation, { challenge: challenge ?? "", code: input("mfa-code").value });
    const code = body.errors?.[0]?.extensions?.code;
    if (body.data || code === "UNAUTHENTICATED") askForSecondFactor(null);
    signedIn(body.data?.verifySecondFactor);
    return body;
  }, "account-status");
  onClick("profile", "Profile", async () => {
    const body = await executeSignedIn(ProfileQuery, {});
    if (body.data) setUser(body.data.profile);
    return body;
  }, "account-status");
  onClick("refresh", "Refreshed", async () => {
    const body = await execute(RefreshMutation, {});
    signedIn(body.data?.refreshToken);
    return body;
  }, "account-status");
  onClick("logout", "Logged out", async () => {
    const body = await executeSignedIn(LogoutMutation, {});
    if (body.data?.logout) {
      session.accessToken = null;
      setUser(null);
    }
    return body;
  }, "account-status");
}

// src/views/account-data.ts
var ExportAccountQuery = graphql(`query ExportAccount { exportAccount }`);
var RequestEmailChangeMutation = graphql(`mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) { requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) }`);
var ConfirmEmailChangeMutation = graphql(`mutation ConfirmEmailChange($token: String!) { confirmEmailChange(token: $token) }`);
var DeleteAccountMutation = graphql(`mutation DeleteAccount($currentPassword: String!, $code: String) { deleteAccount(currentPassword: $currentPassword, code: $code) }`);
var downloadUrl = null;
function showExport(json) {
  element("export-json", HTMLElement).textContent = json ?? "";
  const link = element("export-download", HTMLAnchorElement);
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = json === null ? null : URL.createObjectURL(new Blob([json], { type: "application/json" }));
  if (downloadUrl) link.href = downloadUrl;
  else link.removeAttribute("href");
  link.hidden = downloadUrl === null;
}
function bindAccountData() {
  onClick("export-account", "Account exported", async () => {
    const body = await executeSignedIn(ExportAccountQuery, {});
    showExport(body.data ? JSON.stringify(JSON.parse(body.data.exportAccount), null, 2) : null);
    return body;
  }, "export-status");
  onClick("request-email-change", "Email change requested", async () => {
    const body = await executeSignedIn(RequestEmailChangeMutation, {
      newEmail: input("new-email").value,
      currentPassword: input("email-change-password").value
    });
    element("email-change-message", HTMLElement).hidden = body.data?.requestEmailChange !== true;
    input("email-change-password").value = "";
    return body;
  }, "email-change-status");
  onClick("delete-account", "Account deleted", async () => {
    if (!window.confirm("Delete this account and everything kept for it? This cannot be undone.")) {
      return { errors: [{ message: "Not deleted: the confirmation was declined.", extensions: { code: "CANCELLED" } }] };
    }
    const code = input("delete-code").value.trim();
    const body = await executeSignedIn(DeleteAccountMutation, {
      currentPassword: input("delete-password").value,
      code: code === "" ? null : code
    });
    input("delete-password").value = "";
    input("delete-code").value = "";
    if (body.data?.deleteAccount) {
      session.accessToken = null;
      setUser(null);
      showExport(null);
    }
    return body;
  }, "delete-status");
}
function confirmEmailChangeView() {
  element("confirm-email-back", HTMLAnchorElement).href = accountPageUrl();
  const token = takeLinkToken();
  const message = element("confirm-email-message", HTMLElement);
  if (token === null) {
    message.textContent = "Open this page from the link in the confirmation mail: it carries the token (#token=…).";
    return;
  }
  void run("Email changed", async () => {
    const body = await execute(ConfirmEmailChangeMutation, { token });
    const code = errorCode(body);
    message.textContent = body.data?.confirmEmailChange ? "The account's address is now the new one, verified." : code === "INVALID_TOKEN" ? "This link is spent, expired or wrong: ask for the change again." : code === "CONFLICT" ? "Another account took this address meanwhile: the address did not change." : "The address could not be changed now; try the link again later.";
    return body;
  }, element("confirm-email-status", HTMLElement));
}

// src/views/email.ts
var VerifyEmailMutation = graphql(`mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }`);
var ResendVerificationMutation = graphql(`mutation ResendVerification { resendVerification }`);
function bindResendVerification() {
  onClick("resend-verification", "Verification link requested", async () => {
    const body = await executeSignedIn(ResendVerificationMutation, {});
    const sent = body.data?.resendVerification;
    if (sent === false) changeUser({ emailVerified: true });
    element("resend-message", HTMLElement).textContent = sent === void 0 ? "" : sent ? "A new link was sent to the account's address; earlier links no longer work." : "The address is already verified: nothing was sent.";
    return body;
  }, "email-status");
}
function verifyEmailView() {
  element("verify-back", HTMLAnchorElement).href = accountPageUrl();
  const token = takeLinkToken();
  const message = element("verify-message", HTMLElement);
  if (token === null) {
    message.textContent = "Open this page from the link in the verification mail: it carries the token (#token=…).";
    return;
  }
  void run("Email verified", async () => {
    const body = await execute(VerifyEmailMutation, { token });
    message.textContent = body.data?.verifyEmail ? "Your email address is confirmed." : errorCode(body) === "INVALID_TOKEN" ? 'This link is spent, expired or wrong. Log in and press "Resend verification link" for a new one.' : "The address could not be confirmed now; try the link again later.";
    return body;
  }, element("verify-status", HTMLElement));
}

// src/views/passkeys.ts
var StartPasskeyRegistrationMutation = graphql(`mutation StartPasskeyRegistration { startPasskeyRegistration { optionsJson expiresInSeconds } }`);
var FinishPasskeyRegistrationMutation = graphql(`mutation FinishPasskeyRegistration($response: String!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id name createdAt lastUsedAt } }`);
var PasskeysQuery = graphql(`query Passkeys { profile { passkeys { id name createdAt lastUsedAt } } }`);
var RemovePasskeyMutation = graphql(`mutation RemovePasskey($id: ID!) { removePasskey(id: $id) }`);
var StartPasskeyLoginMutation = graphql(`mutation StartPasskeyLogin { startPasskeyLogin { requestId optionsJson expiresInSeconds } }`);
var FinishPasskeyLoginMutation = graphql(`mutation FinishPasskeyLogin($requestId: String!, $response: String!) { finishPasskeyLogin(requestId: $requestId, response: $response) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }`);
function browserRefused(failure) {
  const error = failure instanceof Error ? failure : new Error(String(failure));
  return { errors: [{ message: `${error.name}: ${error.message}`, extensions: { code: "WEBAUTHN_REFUSED" } }] };
}
var webauthn = () => import("./chunks/esm-CNIXLP7Q.js");
async function listPasskeys() {
  const body = await executeSignedIn(PasskeysQuery, {});
  showPasskeys(body.data?.profile.passkeys ?? null);
  return body;
}
function showPasskeys(passkeys) {
  const rows = (passkeys ?? []).map((passkey) => {
    const row = document.createElement("tr");
    row.dataset.id = passkey.id;
    for (const text of [passkey.name, passkey.createdAt, passkey.lastUsedAt ?? "never"]) {
      const cell2 = document.createElement("td");
      cell2.textContent = text;
      row.append(cell2);
    }
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "passkey-remove";
    remove.textContent = "Remove";
    remove.addEventListener("click", () => run("Passkey removed", async () => {
      const body = await executeSignedIn(RemovePasskeyMutation, { id: passkey.id });
      if (body.data?.removePasskey) row.remove();
      return body;
    }, element("passkeys-status", HTMLElement)));
    const cell = document.createElement("td");
    cell.append(remove);
    row.append(cell);
    return row;
  });
  element("passkeys-list", HTMLTableSectionElement).replaceChildren(...rows);
  element("passkeys-empty", HTMLElement).hidden = passkeys === null || passkeys.length > 0;
}
function bindPasskeys() {
  onClick("passkey-register", "Passkey registered", async () => {
    const started = await executeSignedIn(StartPasskeyRegistrationMutation, {});
    if (!started.data) return started;
    let response;
    try {
      const { startRegistration } = await webauthn();
      const result = await startRegistration({ optionsJSON: JSON.parse(started.data.startPasskeyRegistration.optionsJson) });
      response = JSON.stringify(result);
    } catch (failure) {
      return browserRefused(failure);
    }
    const name = input("passkey-name").value.trim();
    const body = await executeSignedIn(FinishPasskeyRegistrationMutation, { response, name: name === "" ? null : name });
    if (body.data) await listPasskeys();
    return body;
  }, "passkeys-status");
  onClick("passkeys-list-button", "Passkeys", listPasskeys, "passkeys-status");
  onClick("passkey-login", "Signed in with a passkey", async () => {
    const started = await execute(StartPasskeyLoginMutation, {});
    if (!started.data) return started;
    let response;
    try {
      const { startAuthentication } = await webauthn();
      const result = await startAuthentication({ optionsJSON: JSON.parse(started.data.startPasskeyLogin.optionsJson) });
      response = JSON.stringify(result);
    } catch (failure) {
      return browserRefused(failure);
    }
    const body = await execute(FinishPasskeyLoginMutation, { requestId: started.data.startPasskeyLogin.requestId, response });
    if (body.data) {
      session.accessToken = body.data.finishPasskeyLogin.accessToken;
      setUser(body.data.finishPasskeyLogin.user);
    }
    return body;
  }, "account-status");
}

// src/views/passwords.ts
var RequestPasswordResetMutation = graphql(`mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }`);
var ResetPasswordMutation = graphql(`mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }`);
var ChangePasswordMutation = graphql(`mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }`);
function bindPasswords() {
  onClick("forgot", "Reset link requested", async () => {
    const body = await execute(RequestPasswordResetMutation, { email: input("forgot-email").value });
    element("forgot-message", HTMLElement).hidden = body.data?.requestPasswordReset !== true;
    return body;
  }, "forgot-status");
  attachStrengthMeter("change-new-password", "change-strength", () => {
    const user2 = signedInUser();
    return user2 ? accountWords(user2.username, user2.email, user2.displayName) : [];
  });
  onClick("change-password", "Password changed", () => executeSignedIn(ChangePasswordMutation, {
    input: {
      currentPassword: input("change-current-password").value,
      newPassword: input("change-new-password").value
    }
  }), "change-status");
}
function resetPasswordView() {
  element("reset-back", HTMLAnchorElement).href = accountPageUrl();
  const token = takeLinkToken();
  const message = element("reset-message", HTMLElement);
  attachStrengthMeter("reset-new-password", "reset-strength", () => []);
  if (token === null) {
    message.textContent = "Open this page from the link in the reset mail: it carries the token (#token=…).";
    element("reset", HTMLButtonElement).disabled = true;
    return;
  }
  onClick("reset", "Password reset", async () => {
    const body = await execute(ResetPasswordMutation, {
      input: { token, newPassword: input("reset-new-password").value }
    });
    const code = errorCode(body);
    message.textContent = body.data?.resetPassword ? "Your password is changed, and every session of the account has ended: log in with the new password." : code === "INVALID_TOKEN" ? 'This link is spent, expired or wrong: ask for a new one with "Forgot password".' : code === "BAD_USER_INPUT" ? "The gateway refused this password; the link still works: choose another." : "";
    return body;
  }, "reset-status");
}

// src/views/sessions.ts
var SessionsQuery = graphql(`query Sessions { sessions { id device clientAddress createdAt lastUsedAt expiresAt current } }`);
var EndSessionMutation = graphql(`mutation EndSession($id: ID!) { endSession(id: $id) }`);
function showSessions(sessions) {
  element("sessions-list", HTMLTableSectionElement).replaceChildren(...sessions.map((open) => {
    const row = document.createElement("tr");
    row.dataset.id = open.id;
    if (open.current) row.dataset.current = "true";
    for (const text of [
      open.device || "(unknown)",
      open.clientAddress,
      open.createdAt,
      open.lastUsedAt,
      open.expiresAt,
      open.current ? "this one" : ""
    ]) {
      const cell2 = document.createElement("td");
      cell2.textContent = text;
      row.append(cell2);
    }
    const end = document.createElement("button");
    end.type = "button";
    end.className = "session-end";
    end.textContent = "End";
    end.addEventListener("click", () => run("Session ended", async () => {
      const body = await executeSignedIn(EndSessionMutation, { id: open.id });
      if (body.data?.endSession) {
        row.remove();
        if (open.current) {
          session.accessToken = null;
          setUser(null);
        }
      }
      return body;
    }, element("sessions-status", HTMLElement)));
    const cell = document.createElement("td");
    cell.append(end);
    row.append(cell);
    return row;
  }));
}
function bindSessions() {
  onClick("sessions-list-button", "Sessions", async () => {
    const body = await executeSignedIn(SessionsQuery, {});
    showSessions(body.data?.sessions ?? []);
    return body;
  }, "sessions-status");
}

// src/views/totp.ts
var EnrollTotpMutation = graphql(`mutation EnrollTotp { enrollTotp { qrCodeSvg secret } }`);
var ConfirmTotpMutation = graphql(`mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { recoveryCodes } }`);
var DisableTotpMutation = graphql(`mutation DisableTotp($code: String!) { disableTotp(code: $code) }`);
function showEnrolment(enrolment) {
  const qrCode = element("totp-qr", HTMLImageElement);
  if (enrolment) qrCode.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrCodeSvg)}`;
  else qrCode.removeAttribute("src");
  element("totp-secret", HTMLElement).textContent = enrolment?.secret ?? "";
  input("totp-confirm-code").value = "";
  element("totp-enrolment", HTMLElement).hidden = enrolment === null;
}
function showRecoveryCodes(codes) {
  element("totp-recovery-codes", HTMLOListElement).replaceChildren(...(codes ?? []).map((code) => {
    const item = document.createElement("li");
    item.textContent = code;
    return item;
  }));
  element("totp-recovery", HTMLElement).hidden = codes === null;
}
function bindTotp() {
  onClick("totp-enroll", "TOTP enrolment started", async () => {
    const body = await executeSignedIn(EnrollTotpMutation, {});
    showEnrolment(body.data?.enrollTotp ?? null);
    showRecoveryCodes(null);
    return body;
  }, "totp-status");
  onClick("totp-confirm", "TOTP confirmed", async () => {
    const body = await executeSignedIn(ConfirmTotpMutation, { code: input("totp-confirm-code").value });
    if (body.data) {
      showEnrolment(null);
      showRecoveryCodes(body.data.confirmTotp.recoveryCodes);
      changeUser({ secondFactorEnabled: true });
    }
    return body;
  }, "totp-status");
  onClick("totp-disable", "TOTP disabled", async () => {
    const body = await executeSignedIn(DisableTotpMutation, { code: input("totp-disable-code").value });
    if (body.data?.disableTotp) {
      showRecoveryCodes(null);
      changeUser({ secondFactorEnabled: false });
    }
    input("totp-disable-code").value = "";
    return body;
  }, "totp-status");
}

// src/client.ts
var params = new URLSearchParams(window.location.search);
input("gateway").value = params.get("gateway") ?? "http://localhost:8080";
element("origin", HTMLElement).textContent = window.location.origin;
document.addEventListener("submit", (event) => event.preventDefault());
function accountView() {
  bindAccount(params);
  bindResendVerification();
  bindPasswords();
  bindTotp();
  bindPasskeys();
  bindSessions();
  bindAccountData();
}
var VIEWS = {
  account: accountView,
  "verify-email": verifyEmailView,
  "reset-password": resetPasswordView,
  "confirm-email-change": confirmEmailChangeView
};
var isView = (name) => Object.hasOwn(VIEWS, name);
var asked = (params.get("view") ?? "account").replace(/^\//, "");
var view = isView(asked) ? asked : "account";
for (const section of document.querySelectorAll("[data-view]")) {
  section.hidden = section.dataset.view !== view;
}
VIEWS[view]();
