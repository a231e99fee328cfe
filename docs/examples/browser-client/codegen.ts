// GraphQL Code Generator's client preset: types for every operation in src/ written with graphql(), from the
// published schema, and the trusted-documents manifest of those operations (src/gql/persisted-documents.json).
// Paths are relative to this directory (tools/example-client.mjs runs codegen here).
import { createHash } from "node:crypto";
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
        persistedDocuments: {
          // The preset's own "sha256" writes ids as "sha256:<hex>"; the gateway's manifest wants the bare hex.
          hashAlgorithm: (document: string) => createHash("sha256").update(document).digest("hex"),
        },
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
