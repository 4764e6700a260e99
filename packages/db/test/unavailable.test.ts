/**
 * `databaseUnavailable` (src/unavailable.ts): Prisma's connection codes, a driver adapter's
 * error kinds and PostgreSQL's codes of a server going away, and node-postgres' own errors,
 * each to its reason; every other error (a constraint, a missing row, a bug) to null.
 * test/database-down.test.ts in the graphql package meets the real ones.
 */
import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from '../src/unavailable.js';

const prisma = (code: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error('Invalid `prisma.x()` invocation'), {
    code,
    meta: cause ? { driverAdapterError: { name: 'DriverAdapterError', cause } } : {},
  });
const socket = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.1:5432`), { code, syscall: 'connect', errno: -111 });

describe('databaseUnavailable', () => {
  it.each([
    ['P1001', prisma('P1001'), 'UNREACHABLE'],
    ['P1002', prisma('P1002'), 'TIMEOUT'],
    ['P1017', prisma('P1017'), 'CONNECTION_LOST'],
    ['P2024', prisma('P2024'), 'TIMEOUT'],
    ['a raw query (P2010) that could not connect', prisma('P2010', { kind: 'DatabaseNotReachable', host: 'h', port: 1 }), 'UNREACHABLE'],
    ['ECONNRESET through the adapter', prisma('P2010', { kind: 'ConnectionClosed' }), 'CONNECTION_LOST'],
    ['a socket timeout through the adapter', prisma('P2010', { kind: 'SocketTimeout' }), 'TIMEOUT'],
    ['too many connections', prisma('P2010', { kind: 'TooManyConnections', cause: 'x' }), 'TOO_MANY_CONNECTIONS'],
    [
      '57P01 admin shutdown',
      prisma('P2010', { kind: 'postgres', code: '57P01', originalCode: '57P01', severity: 'FATAL' }),
      'SHUTTING_DOWN',
    ],
    ['57P03 cannot connect now', prisma('P2010', { kind: 'postgres', code: '57P03', severity: 'FATAL' }), 'SHUTTING_DOWN'],
    ['08006 connection failure', prisma('P2010', { kind: 'postgres', code: '08006', severity: 'FATAL' }), 'CONNECTION_LOST'],
    ['ECONNREFUSED from node-postgres', socket('ECONNREFUSED'), 'UNREACHABLE'],
    ['ECONNRESET from node-postgres', socket('ECONNRESET'), 'CONNECTION_LOST'],
    [
      'a pg error 57P01 itself',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      'SHUTTING_DOWN',
    ],
    ['"Connection terminated unexpectedly"', new Error('Connection terminated unexpectedly'), 'CONNECTION_LOST'],
    ['the pool’s connect timeout', new Error('timeout exceeded when trying to connect'), 'TIMEOUT'],
    ['one wrapped by GraphQL (originalError)', { message: 'x', originalError: prisma('P1001') }, 'UNREACHABLE'],
    ['one wrapped as a cause', new Error('outer', { cause: socket('ECONNREFUSED') }), 'UNREACHABLE'],
  ])('%s: %s', (_name, error, reason) => {
    expect(databaseUnavailable(error)).toBe(reason);
  });

  it.each([
    ['a unique constraint (P2002)', prisma('P2002')],
    ['a missing row (P2025)', prisma('P2025')],
    ['a raw query’s syntax error', prisma('P2010', { kind: 'postgres', code: '42601', severity: 'ERROR' })],
    ['a unique violation through the adapter', prisma('P2010', { kind: 'UniqueConstraintViolation' })],
    ['a bug', new TypeError('x is undefined')],
    ['nothing', undefined],
    ['a string', 'Connection terminated'],
  ])('is null for %s', (_name, error) => {
    expect(databaseUnavailable(error)).toBeNull();
  });

  it('stops at a cycle of causes', () => {
    const a: Record<string, unknown> = { message: 'a' };
    a.cause = { message: 'b', cause: a };
    expect(databaseUnavailable(a)).toBeNull();
  });
});
