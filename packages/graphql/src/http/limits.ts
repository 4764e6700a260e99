/**
 * Request limits: tokens and aliases (checked while parsing and validating), and depth,
 * breadth and cost (checked before execution). Cost adds up every field, multiplied by
 * the page size a connection asks for, so `first: 100` under `first: 100` costs what it
 * would fetch. The cost is reported in `extensions.cost` of every response.
 */
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { getOperationAST, GraphQLError, Kind, type DefinitionNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface Limits {
  readonly tokens: number;
  readonly aliases: number;
  readonly depth: number;
  readonly breadth: number;
  readonly cost: number;
}

export const DEFAULT_LIMITS: Limits = { tokens: 2_000, aliases: 20, depth: 12, breadth: 60, cost: 50_000 };

function limitError(what: string, value: number, max: number): GraphQLError {
  return new GraphQLError(`Truy vấn vượt giới hạn ${what}: ${value} > ${max}. / The query exceeds the ${what} limit: ${value} > ${max}.`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: what, value, max },
  });
}

export function limitPlugins(schema: GraphQLSchema, limits: Limits = DEFAULT_LIMITS): Plugin[] {
  const cost: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      // Measure the operation that will run, not the document's first one.
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const measured = complexityFromQuery(
        {
          kind: Kind.DOCUMENT,
          definitions: [operation, ...args.document.definitions.filter((d: DefinitionNode) => d.kind === Kind.FRAGMENT_DEFINITION)],
        },
        {
          schema,
          ctx: args.contextValue as object,
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
        },
      );
      const report = {
        cost: {
          complexity: measured.complexity,
          depth: measured.depth,
          breadth: measured.breadth,
          max: { complexity: limits.cost, depth: limits.depth, breadth: limits.breadth },
        },
      };
      const over =
        measured.depth > limits.depth
          ? limitError('depth', measured.depth, limits.depth)
          : measured.breadth > limits.breadth
            ? limitError('breadth', measured.breadth, limits.breadth)
            : measured.complexity > limits.cost
              ? limitError('cost', measured.complexity, limits.cost)
              : null;
      if (over) {
        setResultAndStopExecution({ errors: [over], extensions: report });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!('data' in result || 'errors' in result)) return; // streams are not used
          setResult({ ...result, extensions: { ...result.extensions, ...report } });
        },
      };
    },
  };
  return [
    maxTokensPlugin({
      n: limits.tokens,
      exposeLimits: false,
      errorMessage: `Truy vấn quá dài (tối đa ${limits.tokens} token). / The query has more than ${limits.tokens} tokens.`,
    }) as Plugin,
    maxAliasesPlugin({
      n: limits.aliases,
      exposeLimits: false,
      // Reported as a validation error with its code: thrown (the plugin's default), it reached the client without one.
      propagateOnRejection: false,
      onReject: [
        (context) =>
          context?.reportError(
            new GraphQLError(`Truy vấn dùng quá ${limits.aliases} bí danh. / The query uses more than ${limits.aliases} aliases.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: limits.aliases },
            }),
          ),
      ],
    }) as Plugin,
    cost,
  ];
}
