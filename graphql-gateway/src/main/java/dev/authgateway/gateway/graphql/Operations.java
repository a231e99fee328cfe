package dev.authgateway.gateway.graphql;

import java.util.List;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

/** What a document asks for, read before execution. */
final class Operations {

    private Operations() {
    }

    /**
     * Whether the operation that would run is a mutation; false for a document that does not parse within the
     * options (execution refuses it then with its own code).
     */
    static boolean isMutation(String query, String operationName, ParserOptions options) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options)
                    .build());
        } catch (InvalidSyntaxException e) {
            return false;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(operation -> operationName == null ? operations.size() == 1
                        : operationName.equals(operation.getName()))
                .anyMatch(operation -> operation.getOperation() == OperationDefinition.Operation.MUTATION);
    }
}
