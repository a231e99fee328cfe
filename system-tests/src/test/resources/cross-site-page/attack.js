// ?gateway=URL&mode=form: submits the form (a top-level navigation to the gateway's answer).
// ?gateway=URL&mode=fetch: a credentialed JSON fetch; the outcome lands in #outcome's data-outcome.
const params = new URLSearchParams(window.location.search);
const target = `${params.get("gateway")}/graphql`;
const outcome = document.getElementById("outcome");
if (params.get("mode") === "form") {
  const form = document.getElementById("attack");
  form.action = target;
  form.submit();
} else if (params.get("mode") === "fetch") {
  fetch(target, {
    method: "POST", credentials: "include", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query: "mutation { refreshToken { accessToken } }" }),
  }).then(async (response) => {
    outcome.dataset.outcome = `answered:${response.status}`;
    outcome.textContent = await response.text();
  }, (failure) => {
    outcome.dataset.outcome = "refused-by-browser";
    outcome.textContent = failure.message;
  });
}
