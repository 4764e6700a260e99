/**
 * Errors of values that do not fit their type, named as a caller can act on them: in
 * Vietnamese and English, with the argument (or variable) and the value, and stable codes
 * in `extensions` (`code: BAD_USER_INPUT`, `reason`, `argument` or `variable`, `value`).
 *
 * graphql-js finds them in two places, and says them in English without the argument:
 *  - a literal in the document (`asOf: "2024-13-01"`), in validation (ValuesOfCorrectTypeRule):
 *    the rule is run here with a visitor beside it that knows the argument being read;
 *  - a variable (`$d: "2024-13-01"`), when variables are coerced before execution: those
 *    errors are said again with the variable's name.
 * Our scalars throw an {@link InvalidScalarValue} that says what they expect; for the
 * built-in ones (Int, ID, Boolean, enums…) graphql's own explanation is kept after ours.
 */
import {
  GraphQLError,
  Kind,
  print,
  specifiedRules,
  ValuesOfCorrectTypeRule,
  visitInParallel,
  type ASTNode,
  type ASTVisitor,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Label } from '@antq/core';

/** What a scalar of ours says of a value it refuses: its reason code and what it expects. */
export class InvalidScalarValue extends GraphQLError {
  constructor(
    readonly reason: string,
    readonly value: unknown,
    readonly expected: Label,
    readonly what: Label,
  ) {
    super(`${what.vi}: ${JSON.stringify(value)} (cần ${expected.vi}). / ${what.en}: ${JSON.stringify(value)} (expected ${expected.en}).`, {
      extensions: { code: 'BAD_USER_INPUT', reason },
    });
  }
}

function scalarErrorIn(error: unknown): InvalidScalarValue | null {
  for (let e = error; e; e = (e as { originalError?: unknown }).originalError) {
    if (e instanceof InvalidScalarValue) return e;
  }
  return null;
}

/** PostgreSQL's text cannot hold the NUL character: a value with one is refused before it reaches a resolver, named. */
const NUL = '\u0000';

function nulError(where: Label, extensions: Record<string, unknown>, node?: ASTNode): GraphQLError {
  return new GraphQLError(
    `${where.vi} chứa ký tự NUL (\\u0000), không lưu và không tìm được. / ${where.en} contains the NUL character (\\u0000), which can be neither stored nor searched for.`,
    { nodes: node, extensions: { code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER', ...extensions } },
  );
}

/** Whether a variable's value holds a string with NUL, at any depth. */
const holdsNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes(NUL) : typeof value === 'object' && value !== null && Object.values(value).some(holdsNul);

const VALUE_NODES = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.NULL, Kind.LIST, Kind.OBJECT]);

/** The same error, in both languages, naming where the value was given (`đối số asOf` / `argument asOf`). */
function named(error: GraphQLError, where: Label, extensions: Record<string, unknown>, shown: string, node?: ASTNode): GraphQLError {
  const scalar = scalarErrorIn(error);
  const message = scalar
    ? `${scalar.what.vi} cho ${where.vi}: ${shown} (cần ${scalar.expected.vi}). / ${scalar.what.en} for ${where.en}: ${shown} (expected ${scalar.expected.en}).`
    : `Giá trị không hợp lệ cho ${where.vi}: ${shown}. / Invalid value for ${where.en}: ${shown} (${error.message})`;
  return new GraphQLError(message, {
    nodes: node ?? error.nodes,
    originalError: error.originalError ?? undefined,
    extensions: { code: 'BAD_USER_INPUT', reason: scalar?.reason ?? 'INVALID_VALUE', ...extensions },
  });
}

/** ValuesOfCorrectTypeRule, its errors naming the argument (`input.field` inside an input object). */
const NamedValuesRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  let argument: string | null = null;
  const fields: string[] = [];
  let current: ASTNode | null = null;
  const reporting = Object.create(context, {
    reportError: {
      value: (error: GraphQLError) => {
        const node = error.nodes?.[0] ?? current;
        if (!argument || !node) return context.reportError(error);
        const path = [argument, ...fields].join('.');
        const shown = node.kind === Kind.STRING ? JSON.stringify(node.value) : print(node);
        const value = node.kind === Kind.STRING ? node.value : shown;
        context.reportError(named(error, { vi: `đối số ${path}`, en: `argument ${path}` }, { argument: path, value }, shown, node));
      },
    },
  }) as ValidationContext;
  const tracker: ASTVisitor = {
    Argument: {
      enter: (node) => void (argument = node.name.value),
      leave: () => void (argument = null),
    },
    ObjectField: {
      enter: (node) => void fields.push(node.name.value),
      leave: () => void fields.pop(),
    },
    // (A kind's own visitor replaces `enter` below for it: the value is marked here too.)
    StringValue: (node) => {
      current = node;
      if (!node.value.includes(NUL)) return;
      const path = argument ? [argument, ...fields].join('.') : null;
      const where = path ? { vi: `Đối số ${path}`, en: `Argument ${path}` } : { vi: 'Một chuỗi của truy vấn', en: 'A string of the query' };
      context.reportError(nulError(where, path ? { argument: path } : {}, node));
    },
    enter: (node) => {
      if (VALUE_NODES.has(node.kind)) current = node;
    },
  };
  return visitInParallel([tracker, ValuesOfCorrectTypeRule(reporting)]);
};

const RULES = specifiedRules.map((rule) => (rule === ValuesOfCorrectTypeRule ? NamedValuesRule : rule));

/** A variable's coercion error (`Variable "$d" got invalid value …`), said again with the variable's name. */
function namedVariableError(error: GraphQLError): GraphQLError {
  const definition = error.nodes?.[0];
  if (definition?.kind !== Kind.VARIABLE_DEFINITION || !/^Variable "\$\w+" got invalid value/.test(error.message)) return error;
  const variable = definition.variable.name.value;
  const scalar = scalarErrorIn(error);
  const given = scalar ? scalar.value : /got invalid value (.*?)(?: at "|; )/.exec(error.message)?.[1];
  const shown = scalar ? JSON.stringify(given) : String(given ?? '');
  return named(error, { vi: `biến $${variable}`, en: `variable $${variable}` }, { variable, value: given }, shown);
}

export function useNamedInputErrors(): Plugin {
  return {
    onValidate({ setValidationFn, validateFn }) {
      setValidationFn((schema, document, rules, typeInfo, options) =>
        validateFn(
          schema,
          document,
          rules && rules !== specifiedRules
            ? rules.map((r: ValidationRule) => (r === ValuesOfCorrectTypeRule ? NamedValuesRule : r))
            : RULES,
          typeInfo,
          options,
        ),
      );
    },
    onExecute({ args, setResultAndStopExecution }) {
      const variables = Object.entries(args.variableValues ?? {}).filter(([, value]) => holdsNul(value));
      if (variables.length === 0) return;
      setResultAndStopExecution({
        errors: variables.map(([variable]) => nulError({ vi: `Biến $${variable}`, en: `Variable $${variable}` }, { variable })),
      });
    },
    // Variables are coerced before execution, out of onExecute's sight: their errors are read in the result.
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      const errors = result.errors.map((e) => (e instanceof GraphQLError ? namedVariableError(e) : e));
      if (errors.some((e, i) => e !== result.errors![i])) setResult({ ...result, errors });
    },
  };
}
