import { isIsoDate, type IsoDate } from '@antq/core';
import { builder } from './builder.js';
import { badInput } from './errors.js';

/** Calendar dates in Vietnam, `yyyy-mm-dd`: never instants (see @antq/core's dates). */
export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar date in Vietnam, written yyyy-mm-dd (ISO 8601), for example 2025-07-01.',
  serialize: (value) => value,
  parseValue: (value) => parseDate(value),
});

function parseDate(value: unknown): IsoDate {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw badInput(`Date must be a real calendar date written yyyy-mm-dd, such as 2025-07-01; got ${JSON.stringify(value)}.`);
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
    throw badInput('File must be sent as a multipart upload (the GraphQL multipart request spec).');
  },
});
