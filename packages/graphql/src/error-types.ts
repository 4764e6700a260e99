/** The typed errors of mutation payloads, as GraphQL types (see errors.ts for the values). */
import { builder } from './builder.js';
import type { Outcome, UserError } from './errors.js';

const UserErrorInterface = builder.interfaceRef<UserError>('UserError').implement({
  description: 'Why a mutation did not go through: a stable code and a message in Vietnamese and English.',
  fields: (t) => ({
    code: t.string({ resolve: (e) => e.code }),
    message: t.string({ description: 'Vietnamese, then English.', resolve: (e) => `${e.message.vi} / ${e.message.en}` }),
    messageVi: t.string({ resolve: (e) => e.message.vi }),
    messageEn: t.string({ resolve: (e) => e.message.en }),
  }),
});

const FieldErrorRef = builder.objectRef<{ path: string[]; message: string }>('FieldError').implement({
  description: 'One input field that is not valid.',
  fields: (t) => ({
    path: t.stringList({ description: 'Where in the input, e.g. ["input", "unitCode"].', resolve: (f) => ['input', ...f.path] }),
    message: t.exposeString('message'),
  }),
});

type ErrorOf<C extends UserError['code']> = Extract<UserError, { code: C }>;

export const ValidationErrorRef = builder.objectRef<ErrorOf<'VALIDATION'>>('ValidationError').implement({
  description: 'The input is not valid; `fields` says where and why.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({ fields: t.field({ type: [FieldErrorRef], resolve: (e) => [...e.fields] }) }),
});
export const NotFoundErrorRef = builder.objectRef<ErrorOf<'NOT_FOUND'>>('NotFoundError').implement({
  description: 'What the input refers to does not exist (or is not visible to you).',
  interfaces: [UserErrorInterface],
});
export const ForbiddenErrorRef = builder.objectRef<ErrorOf<'FORBIDDEN'>>('ForbiddenError').implement({
  description: 'You may not do this here.',
  interfaces: [UserErrorInterface],
});
export const ConflictErrorRef = builder.objectRef<ErrorOf<'CONFLICT'>>('ConflictError').implement({
  description: 'The record changed since you read it; `currentVersion` is its version now.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({ currentVersion: t.exposeInt('currentVersion') }),
});

const ERROR_TYPE_NAMES: Record<UserError['code'], string> = {
  VALIDATION: 'ValidationError',
  NOT_FOUND: 'NotFoundError',
  FORBIDDEN: 'ForbiddenError',
  CONFLICT: 'ConflictError',
};

export function isUserError(value: unknown): value is UserError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    (value as { code: string }).code in ERROR_TYPE_NAMES &&
    'message' in value
  );
}

/**
 * `<Name>Payload { result: <Name>Result }`, where the result is the union of `success`
 * and the typed errors the mutation can give.
 */
export function payloadType<S extends object>(
  name: string,
  success: { name: string },
  errors: ReadonlyArray<typeof ValidationErrorRef | typeof NotFoundErrorRef | typeof ForbiddenErrorRef | typeof ConflictErrorRef>,
) {
  const union = builder.unionType(`${name}Result`, {
    types: [success, ...errors] as never,
    resolveType: (value) => (isUserError(value) ? ERROR_TYPE_NAMES[value.code] : success.name),
  });
  return builder.objectRef<{ result: Outcome<S> }>(`${name}Payload`).implement({
    fields: (t) => ({ result: t.field({ type: union, resolve: (p) => p.result as never }) }),
  });
}
