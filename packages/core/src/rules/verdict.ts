/** The shape every pass/fail rule returns. */

/** Pass, or fail with every failed criterion named (never only the first). */
export type Verdict<Failure> =
  { readonly pass: true; readonly failures: readonly [] } | { readonly pass: false; readonly failures: readonly [Failure, ...Failure[]] };

/** The verdict of a list of failures: a pass when it is empty. */
export function verdictOf<Failure>(failures: readonly Failure[]): Verdict<Failure> {
  const [first, ...rest] = failures;
  return first === undefined ? { pass: true, failures: [] } : { pass: false, failures: [first, ...rest] };
}
