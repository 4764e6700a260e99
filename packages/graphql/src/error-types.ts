/**
 * The typed errors of mutation payloads, as GraphQL types (errors.ts has the classes), and
 * the payloads themselves: `@pothos/plugin-errors` builds each payload's result union from
 * the success type and the error classes the mutation can answer.
 */
import type { ObjectRef } from '@pothos/core';
import { builder, type AntqTypes } from './builder.js';
import {
  ConflictError,
  ForbiddenError,
  isUserError,
  MutationError,
  NotFoundError,
  ValidationError,
  type FieldProblem,
  type UserError,
} from './errors.js';

const UserErrorInterface = builder.interfaceRef<MutationError>('UserError').implement({
  description: 'Why a mutation did not go through: a stable code and a message in Vietnamese and English.',
  fields: (t) => ({
    code: t.string({ resolve: (e) => e.code }),
    message: t.string({ description: 'Vietnamese, then English.', resolve: (e) => e.message }),
    messageVi: t.string({ resolve: (e) => e.label.vi }),
    messageEn: t.string({ resolve: (e) => e.label.en }),
  }),
});

const FieldErrorRef = builder.objectRef<FieldProblem>('FieldError').implement({
  description: 'One input field that is not valid.',
  fields: (t) => ({
    path: t.stringList({ description: 'Where in the input, e.g. ["input", "unitCode"].', resolve: (f) => ['input', ...f.path] }),
    message: t.exposeString('message'),
  }),
});

export const ValidationErrorRef = builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input is not valid; `fields` says where and why.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({ fields: t.field({ type: [FieldErrorRef], resolve: (e) => [...e.fields] }) }),
});
export const NotFoundErrorRef = builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'What the input refers to does not exist (or is not visible to you).',
  interfaces: [UserErrorInterface],
});
export const ForbiddenErrorRef = builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'You may not do this here.',
  interfaces: [UserErrorInterface],
});
export const ConflictErrorRef = builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The record changed since you read it; `currentVersion` is its version now.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({ currentVersion: t.exposeInt('currentVersion') }),
});

/** The error types a payload can list (their GraphQL refs, as extensions know them). */
export type ErrorTypeRef = typeof ValidationErrorRef | typeof NotFoundErrorRef | typeof ForbiddenErrorRef | typeof ConflictErrorRef;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plugin-errors takes any Error class
type ErrorClass = new (...args: any[]) => UserError;
const CLASS_OF = new Map<ErrorTypeRef, ErrorClass>([
  [ValidationErrorRef, ValidationError],
  [NotFoundErrorRef, NotFoundError],
  [ForbiddenErrorRef, ForbiddenError],
  [ConflictErrorRef, ConflictError],
]);

export { isUserError };

/**
 * `<Name>Payload { result: <Name>Result }`, where the result is the union of `success`
 * and the typed errors the mutation can give (a resolver answers `{ result }` with either).
 */
export function payloadType<S extends object>(name: string, success: { readonly name: string }, errors: readonly ErrorTypeRef[]) {
  return builder.objectRef<{ result: S | UserError }>(`${name}Payload`).implement({
    fields: (t) => ({
      result: t.field({
        // The success types' refs are declared by name only (their full types are not nameable in declarations).
        type: success as ObjectRef<AntqTypes, S>,
        errors: { types: errors.map((e) => CLASS_OF.get(e)!), directResult: true, union: { name: `${name}Result` } },
        // plugin-errors answers an error given back (not only one thrown) as its error type.
        resolve: (p) => p.result as never,
      }),
    }),
  });
}
