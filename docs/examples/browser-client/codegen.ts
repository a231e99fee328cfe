// GraphQL Code Generator's client preset: types for every operation in src/ written with graphql(), from the
// published schema, and the trusted-documents manifest of those operations (src/gql/persisted-documents.json).
// Paths are relative to this directory (tools/example-client.mjs runs codegen here).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["src/**/*.ts", "!src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // Ids are "sha256:<hex>" (the preset's default since 6); the gateway's manifest takes them as they are.
        persistedDocuments: true,
      },
      config: {
        // TypedDocumentString: each operation stays a plain string, so the bundle needs no graphql-js.
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
