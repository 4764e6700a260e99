import type { IsoDate } from '@antq/core';

/** The published files and the eras they state (shared/data/admin-units/README.md). */
export const ADMIN_UNIT_ERAS: ReadonlyArray<{
  from: IsoDate | null;
  label: string;
  shape: 'three-level' | 'two-level';
  file: string;
  lineage?: { merges: string; splits: string };
}> = [
  { from: null, label: 'until 2025-06-30', shape: 'three-level', file: 'units-2025-01-01.json' },
  {
    from: '2025-07-01',
    label: '2025-07-01 to 2026-04-29 (NQ 202/2025/QH15)',
    shape: 'two-level',
    file: 'units-2025-07-01.json',
    lineage: { merges: 'lineage-2025-07-01-merges.json', splits: 'lineage-2025-07-01-splits.json' },
  },
  { from: '2026-04-30', label: 'from 2026-04-30 (NQ 30/2026/QH16)', shape: 'two-level', file: 'units-2026-04-30.json' },
];
