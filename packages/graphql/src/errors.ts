/**
 * Errors a caller can act on. Each has a stable `code` and a message in Vietnamese and
 * English; none carries personal data or says whether something it hides exists.
 *  - Query fields fail with a GraphQL error whose `extensions.code` says why.
 *  - Mutations answer a payload whose `result` is the success type or one of the typed
 *    errors below (see `payloadType`).
 */
import type { Label } from '@antq/core';
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

const FORBIDDEN: Label = { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' };

/** The viewer may not see or do this (or it is outside their jurisdiction). */
export function forbidden(): GraphQLError {
  return new GraphQLError(`${FORBIDDEN.vi} / ${FORBIDDEN.en}`, { extensions: { code: 'FORBIDDEN' } });
}

const SIGN_IN: Label = {
  vi:
    'Cần đăng nhập để xem trường này. Cán bộ: gửi "Authorization: Bearer <mã>" với mã do quản trị cấp ' +
    '(`pnpm antq token --role commune-officer --unit 25195` khi thử nghiệm); đối tác: gửi khóa API trong "X-Api-Key" ' +
    '(`pnpm antq api-key issue --name <cơ quan> --scopes <quyền>`). Số liệu công bố (coverage, adminUnits) không cần đăng nhập.',
  en:
    'This field needs sign-in. Officers: send "Authorization: Bearer <token>" with a token from your administrator ' +
    '(`pnpm antq token --role commune-officer --unit 25195` to try it out); partners: send your API key in "X-Api-Key" ' +
    '(`pnpm antq api-key issue --name <agency> --scopes <scopes>`). Published figures (coverage, adminUnits) need none.',
};

/**
 * A request without credentials asked for something that needs them: FORBIDDEN as any
 * refusal, with `reason: SIGN_IN_REQUIRED` and the message saying how to sign in.
 */
export function signInRequired(): GraphQLError {
  return new GraphQLError(`${SIGN_IN.vi} / ${SIGN_IN.en}`, { extensions: { code: 'FORBIDDEN', reason: 'SIGN_IN_REQUIRED' } });
}

const DATABASE_UNAVAILABLE: Label = {
  vi: 'Cơ sở dữ liệu tạm thời không phản hồi: không có gì được ghi. Vui lòng thử lại sau ít giây.',
  en: 'The database is not answering for now: nothing was written. Please try again in a few seconds.',
};

/** Seconds a client is told to wait before it retries when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot be used now (down, restarting, its connections cut: @antq/db's
 * `databaseUnavailable` says which): `DATABASE_UNAVAILABLE` with the `reason` code, HTTP 503
 * and `Retry-After`. Nothing from the driver's message (host, values) is repeated.
 */
export function databaseUnavailableError(reason: string, at: Pick<GraphQLErrorOptions, 'nodes' | 'path'> = {}): GraphQLError {
  return new GraphQLError(`${DATABASE_UNAVAILABLE.vi} / ${DATABASE_UNAVAILABLE.en}`, {
    ...at,
    extensions: {
      code: 'DATABASE_UNAVAILABLE',
      reason,
      http: { status: 503, headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) } },
    },
  });
}

/**
 * Too many failures from this client (wrong tip secrets, credentials that are not valid):
 * `RATE_LIMITED`, HTTP 429 and `Retry-After` (also `extensions.retryAfter`, in seconds).
 * The same whatever was looked for, so that it says nothing of whether a tip exists.
 */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  const s = String(retryAfterSeconds);
  return new GraphQLError(`Quá nhiều lần thử sai: thử lại sau ${s} giây. / Too many failed attempts: try again in ${s} seconds.`, {
    extensions: { code: 'RATE_LIMITED', retryAfter: retryAfterSeconds, http: { status: 429, headers: { 'Retry-After': s } } },
  });
}

/**
 * An `Idempotency-Key` already used by this client for another mutation or other input
 * (mutation/idempotency.ts): `IDEMPOTENCY_KEY_REUSED`, HTTP 422; nothing was run.
 */
export function idempotencyKeyReused(): GraphQLError {
  return new GraphQLError(
    'Idempotency-Key này đã được dùng cho một thao tác hoặc dữ liệu khác: dùng khóa mới cho mỗi thao tác mới. / ' +
      'This Idempotency-Key was already used for another operation or other input: use a new key for each new operation.',
    { extensions: { code: 'IDEMPOTENCY_KEY_REUSED', http: { status: 422 } } },
  );
}

/** Input that cannot be used as given. */
export function badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions } });
}

/**
 * An argument that cannot be used as given: in Vietnamese and English, naming the argument
 * and the value, with a stable `reason` and the argument in `extensions`.
 */
export function invalidArgument(reason: string, argument: string, value: unknown, message: Label): GraphQLError {
  return badInput(`${message.vi} / ${message.en}`, { reason, argument, value });
}

/** `from` after `to`: one message for every period. */
export function periodOutOfOrder(from: string, to: string): GraphQLError {
  return invalidArgument('DATE_RANGE', 'from', from, {
    vi: `Đối số from (${from}) không được sau to (${to}).`,
    en: `Argument from (${from}) must not be after to (${to}).`,
  });
}

/** One input field that is not valid: its path in the input (without `input`) and why. */
export interface FieldProblem {
  readonly path: string[];
  readonly message: string;
}

/**
 * A mutation's typed failure: an Error (so that `@pothos/plugin-errors` puts it in the
 * payload's result union), with a stable `code` and its message in both languages
 * (`label`; `message` is the two joined, Vietnamese first).
 */
export abstract class MutationError extends Error {
  abstract readonly code: 'VALIDATION' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';
  constructor(readonly label: Label) {
    super(`${label.vi} / ${label.en}`);
    this.name = new.target.name;
  }
}
export class ValidationError extends MutationError {
  readonly code = 'VALIDATION' as const;
  constructor(
    readonly fields: readonly FieldProblem[],
    label: Label = { vi: 'Dữ liệu nhập chưa hợp lệ: xem từng trường.', en: 'Some input is not valid: see each field.' },
  ) {
    super(label);
  }
}
export class NotFoundError extends MutationError {
  readonly code = 'NOT_FOUND' as const;
}
export class ForbiddenError extends MutationError {
  readonly code = 'FORBIDDEN' as const;
}
export class ConflictError extends MutationError {
  readonly code = 'CONFLICT' as const;
  constructor(readonly currentVersion: number) {
    super({
      vi: `Bản ghi đã được người khác sửa (phiên bản hiện tại ${currentVersion}): tải lại rồi thử lại.`,
      en: `Someone else changed this record (now version ${currentVersion}): reload and try again.`,
    });
  }
}

/** One of the typed errors (narrowed by its `code`). */
export type UserError = ValidationError | NotFoundError | ForbiddenError | ConflictError;

/** The typed errors, made: `userErrors.notFound({ vi, en })`, `.forbidden()`, `.invalid([...])`, `.conflict(v)`. */
export const userErrors = {
  forbidden: (): UserError => new ForbiddenError(FORBIDDEN),
  notFound: (what: Label): UserError => new NotFoundError({ vi: `Không tìm thấy ${what.vi}.`, en: `No such ${what.en}.` }),
  conflict: (currentVersion: number): UserError => new ConflictError(currentVersion),
  invalid: (fields: FieldProblem[], message?: Label): UserError => new ValidationError(fields, message),
  /** From a failed zod parse of a core input schema. */
  fromZod: (error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> }): UserError =>
    userErrors.invalid(error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))),
};

/** Throws a ValidationError listing `problems`, if there are any: a judgement's last step. */
export function refuseInvalid(problems: readonly FieldProblem[], message?: Label): void {
  if (problems.length) throw userErrors.invalid([...problems], message);
}

/** Whether a value is one of the typed errors. */
export function isUserError(value: unknown): value is UserError {
  return value instanceof MutationError;
}

/** A mutation's answer: the success value, or one of its typed errors. */
export type Outcome<S> = S | UserError;
