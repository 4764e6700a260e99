/**
 * Mutations answer `{ result }`, a union of the success type and typed errors. Narrow it
 * with a `switch` on `__typename` that ends in `unreachable`: when the server adds an
 * error type to the union and the types are regenerated, every switch that does not
 * handle it stops compiling.
 */

/** The end of an exhaustive switch: a type error at compile time, a clear error at run time. */
export function unreachable(value: never): never {
  throw new Error(
    `a result this client does not know: ${(value as { __typename?: string }).__typename ?? JSON.stringify(value)}; regenerate the types (pnpm codegen) and handle it`,
  );
}

/** What every typed error carries, in both languages. */
export interface TypedError {
  readonly code: string;
  readonly messageVi: string;
  readonly messageEn: string;
}

/** A ValidationError's fields as `input.text` → message, for a form to show beside each input. */
export function fieldMessages(fields: ReadonlyArray<{ readonly path: readonly string[]; readonly message: string }>): Map<string, string> {
  return new Map(fields.map((f) => [f.path.join('.'), f.message]));
}
