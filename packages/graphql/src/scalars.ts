import { isIsoDate, type IsoDate } from '@antq/core';
import { builder } from './builder.js';
import { InvalidScalarValue } from './http/input-errors.js';

/** Calendar dates in Vietnam, `yyyy-mm-dd`: never instants (see @antq/core's dates). */
export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar date in Vietnam, written yyyy-mm-dd (ISO 8601), for example 2025-07-01.',
  serialize: (value) => value,
  parseValue: (value) => parseDate(value),
});

function parseDate(value: unknown): IsoDate {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new InvalidScalarValue(
    'INVALID_DATE',
    value,
    { vi: 'một ngày có thật dạng YYYY-MM-DD, ví dụ 2025-07-01', en: 'a real date written YYYY-MM-DD, e.g. 2025-07-01' },
    { vi: 'Ngày không hợp lệ', en: 'Invalid date' },
  );
}

/** An uploaded file (GraphQL multipart request spec, which graphql-yoga reads natively): input only. */
export const FileScalar = builder.scalarType('File', {
  description:
    'A file sent with the request as a multipart upload (https://github.com/jaydenseric/graphql-multipart-request-spec). Input only.',
  serialize: () => {
    throw new Error('File is an input type only');
  },
  parseValue: (value) => {
    // yoga gives its own File (of @whatwg-node/fetch), not always the global one: judged by its shape.
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as File).arrayBuffer === 'function' &&
      typeof (value as File).size === 'number'
    )
      return value as File;
    throw new InvalidScalarValue(
      'INVALID_FILE',
      typeof value === 'string' ? value : typeof value,
      {
        vi: 'một tệp gửi kèm dạng multipart (GraphQL multipart request spec)',
        en: 'a file sent as a multipart upload (the GraphQL multipart request spec)',
      },
      { vi: 'Tệp không hợp lệ', en: 'Invalid file' },
    );
  },
});
