/**
 * Loaded into `antq serve` by the reliability run alone (`--expose-gc --import` this file,
 * reliability/server.ts): on SIGUSR2 the process collects all its garbage at once and writes
 * the heap that is left, the live data, to stderr. The run's memory figure is the trend of
 * that, which a leak grows and garbage does not.
 */
import { getHeapStatistics } from 'node:v8';

process.on('SIGUSR2', () => {
  globalThis.gc();
  process.stderr.write(`[heap-probe] ${getHeapStatistics().used_heap_size}\n`);
});
