/** A week of patrols for a few demo residential areas of Đồng Nai, so that `pnpm start` has something to show. */
import type { Database } from '@antq/db';
import { SHIFTS, type Patrol } from './patrols.js';

export async function samplePatrols(db: Database, { from = new Date(), days = 7, areas = 6 } = {}): Promise<Patrol[]> {
  const rows = await db.prisma.residentialArea.findMany({
    where: { datasetId: { not: null }, placements: { some: { placeCodes: { has: '75' } } } },
    orderBy: { id: 'asc' },
    take: areas,
    select: { id: true },
  });
  const patrols: Patrol[] = [];
  for (const [i, { id }] of rows.entries()) {
    for (let d = 0; d < days; d++) {
      const date = new Date(from.getTime() + d * 86_400_000).toISOString().slice(0, 10);
      patrols.push({
        areaId: Buffer.from(`ResidentialArea:${id}`).toString('base64'),
        date,
        shift: SHIFTS[(i + d) % SHIFTS.length]!,
        team: `Tổ tuần tra ${i + 1}`,
      });
    }
  }
  return patrols;
}
