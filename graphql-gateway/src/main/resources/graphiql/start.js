// GraphiQL against this gateway's /graphql. The Headers tab is open: after signup or login, paste
// {"Authorization": "Bearer <accessToken>"} there to run Profile. Headers are not stored in the browser.
// Headers start empty: the gateway refuses a malformed Authorization header on every operation.
const exampleOperations = `# 1. Run Signup (or Login) and copy the accessToken.
# 2. In Headers below, enter
#    {"Authorization": "Bearer <accessToken>"}
# 3. Put the cursor in Profile and run it (Ctrl+Enter).

mutation Signup {
  signup(input: {
    username: "ada"
    email: "ada@example.com"
    password: "correct horse battery staple"
    displayName: "Ada Lovelace"
  }) {
    accessToken
    expiresIn
    user { id username }
  }
}

mutation Login {
  login(input: {
    login: "ada"
    password: "correct horse battery staple"
  }) {
    accessToken
  }
}

query Profile {
  profile { id username email displayName createdAt }
}
`;

const fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", window.location.origin).href });

ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: exampleOperations,
    defaultEditorToolsVisibility: "headers",
    shouldPersistHeaders: false,
  }),
);
