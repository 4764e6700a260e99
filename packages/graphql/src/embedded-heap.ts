/**
 * The garbage collector's pace on the embedded server. V8 lets the heap grow up to four
 * times what survived the last full collection before it collects again; a national
 * coverage with lineage leaves some 35 MB of garbage per request, so the embedded server
 * with one province climbed from about 390 to 560 MB between full collections. Growing by
 * half instead keeps it under 400 MB at the same CPU cost per request (measured with
 * `pnpm bench --embedded-only`). Only the embedded server, whose point is a small machine:
 * a server on PostgreSQL keeps V8's defaults. V8 reads the flag at every full collection,
 * so setting it once the process runs takes effect; a V8 without it prints a warning and
 * carries on with its defaults.
 */
import { setFlagsFromString } from 'node:v8';

export const EMBEDDED_HEAP_GROWING_PERCENT = 50;

export function paceGarbageCollectionForEmbedded(): void {
  setFlagsFromString(`--heap-growing-percent=${EMBEDDED_HEAP_GROWING_PERCENT}`);
}
