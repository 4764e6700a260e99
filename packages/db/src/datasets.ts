/**
 * Removing generated datasets (demo, national): deleting a Dataset row deletes every row
 * that came with it through the foreign keys. The coverage steps are deferred during the
 * cascade (it touches six of the tables they derive from, each a statement) and refreshed
 * once, in the same transaction.
 */
import type { Database } from './database.js';
import { deferCoverageSteps, refreshCoverageSteps } from './coverage-steps.js';
import type { DatasetKind } from './generated/prisma/client.js';

/** Removes every dataset of this kind with its rows; answers how many datasets. */
export async function removeDatasets(db: Database, kind: DatasetKind): Promise<number> {
  return db.prisma.$transaction(
    async (tx) => {
      await deferCoverageSteps(tx);
      const { count } = await tx.dataset.deleteMany({ where: { kind } });
      if (count > 0) await refreshCoverageSteps(tx, 'all');
      return count;
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
}
