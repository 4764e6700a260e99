/** A generated residential area's row, as the demo and the national generators write it. */
import { searchKey } from '@antq/core';
import type { Random } from '../demo/random.js';
import type { Placement } from './placements.js';
import type { ResidentialAreaRow } from './rows.js';

/** The row of an area of `households` in these placements: 3.3 – 4.3 residents a household; it lasts as long as its last placement. */
export function residentialAreaRow(
  random: Random,
  area: Pick<ResidentialAreaRow, 'id' | 'name' | 'kind' | 'households' | 'datasetId'>,
  placements: readonly Placement[],
): ResidentialAreaRow {
  return {
    ...area,
    residents: Math.round(area.households * (3.3 + random.next())),
    validFrom: null,
    validTo: placements.at(-1)!.to,
    searchText: searchKey(area.name),
  };
}
