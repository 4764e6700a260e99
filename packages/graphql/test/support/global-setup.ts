import { ensurePreparedDump } from './prepared-database.js';

export default async function setup(): Promise<void> {
  await ensurePreparedDump((m) => console.log(`[antq tests] ${m}`));
}
