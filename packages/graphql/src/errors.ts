/**
 * Errors a caller can act on. Each has a stable `code` and a message in Vietnamese and
 * English; none carries personal data or says whether something it hides exists.
 *  - Query fields fail with a GraphQL error whose `extensions.code` says why.
 *  - Mutations answer a payload whose `result` is the success type or one of the typed
 *    errors below (see `payloadType`).
 */
import type { Label } from '@antq/core';
import { GraphQLError } from 'graphql';

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

/** A mutation's typed failure. */
export type UserError =
  | { readonly code: 'VALIDATION'; readonly message: Label; readonly fields: ReadonlyArray<{ path: string[]; message: string }> }
  | { readonly code: 'NOT_FOUND'; readonly message: Label }
  | { readonly code: 'FORBIDDEN'; readonly message: Label }
  | { readonly code: 'CONFLICT'; readonly message: Label; readonly currentVersion: number };

export const userErrors = {
  forbidden: (): UserError => ({ code: 'FORBIDDEN', message: FORBIDDEN }),
  notFound: (what: Label): UserError => ({ code: 'NOT_FOUND', message: { vi: `Không tìm thấy ${what.vi}.`, en: `No such ${what.en}.` } }),
  conflict: (currentVersion: number): UserError => ({
    code: 'CONFLICT',
    currentVersion,
    message: {
      vi: `Bản ghi đã được người khác sửa (phiên bản hiện tại ${currentVersion}): tải lại rồi thử lại.`,
      en: `Someone else changed this record (now version ${currentVersion}): reload and try again.`,
    },
  }),
  invalid: (fields: Array<{ path: string[]; message: string }>, message?: Label): UserError => ({
    code: 'VALIDATION',
    fields,
    message: message ?? { vi: 'Dữ liệu nhập chưa hợp lệ: xem từng trường.', en: 'Some input is not valid: see each field.' },
  }),
  /** From a failed zod parse of a core input schema. */
  fromZod: (error: { issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }> }): UserError =>
    userErrors.invalid(error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))),
};

/** A mutation's answer: the success value, or one of its typed errors. */
export type Outcome<S> = S | UserError;
