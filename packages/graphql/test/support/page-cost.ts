import { expect } from 'vitest';
import type { TestServer } from './server.js';

/**
 * Pages of 5 and of 50 rows of the list `list` (`page(n)`), asked as `headers`: both
 * answered, the large one full, in as many statements. Answers the two, for what else a
 * test asserts of them (and the number it pins).
 */
export async function pagesOf5And50(server: TestServer, page: (n: number) => string, list: string, headers?: Record<string, string>) {
  const small = await server.queryCounting<any>(page(5), undefined, headers);
  const large = await server.queryCounting<any>(page(50), undefined, headers);
  expect(small.body.errors).toBeUndefined();
  expect(large.body.data[list].edges).toHaveLength(50);
  expect(large.statements.length).toBe(small.statements.length);
  return { small, large };
}
