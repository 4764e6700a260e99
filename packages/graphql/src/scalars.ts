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
