/**
 * When a model may be replicated (nhân rộng mô hình) into a residential area: the movement
 * builds and replicates advanced models (see DOMAIN.md); the replica is a new model of the
 * same type, founded on the day it is replicated. No law sets these: they keep the history
 * of models and their replication points consistent.
 */
import type { IsoDate } from '../dates.js';
import type { HostKind } from '../entities/enums.js';

/** The model replicated, as the rule needs it. */
export interface ReplicationSource {
  readonly hostKind: HostKind;
  readonly residentialAreaId: string | null;
  readonly foundedOn: IsoDate;
  readonly typeName: string;
  /** Where its type may be built. */
  readonly typeHostKinds: readonly HostKind[];
}

/** Why a model may not be replicated into an area on a day. */
export type ReplicationFailure =
  | { readonly code: 'OWN_AREA' }
  | { readonly code: 'TYPE_NOT_BUILT_IN_AREAS'; readonly typeName: string; readonly hostKinds: readonly HostKind[] }
  | { readonly code: 'IN_THE_FUTURE' }
  | { readonly code: 'BEFORE_SOURCE_FOUNDED'; readonly foundedOn: IsoDate }
  | { readonly code: 'AREA_NOT_PLACED' };

/**
 * May `source` be replicated into the area `areaId` on `on`? `areaPlaced`: whether the area
 * lay in a commune on that day.
 */
export function judgeReplication(
  source: ReplicationSource,
  target: { readonly areaId: string; readonly areaPlaced: boolean },
  on: IsoDate,
  today: IsoDate,
): ReplicationFailure[] {
  return [
    // A replica is built elsewhere: in its own area the model already is.
    ...(source.hostKind === 'RESIDENTIAL_AREA' && source.residentialAreaId === target.areaId ? [{ code: 'OWN_AREA' as const }] : []),
    // The replica has the source's type, which must be one built in residential areas.
    ...(source.typeHostKinds.includes('RESIDENTIAL_AREA')
      ? []
      : [{ code: 'TYPE_NOT_BUILT_IN_AREAS' as const, typeName: source.typeName, hostKinds: source.typeHostKinds }]),
    // Records state what happened, never what is planned.
    ...(on > today ? [{ code: 'IN_THE_FUTURE' as const }] : []),
    // A model is copied once it exists.
    ...(on < source.foundedOn ? [{ code: 'BEFORE_SOURCE_FOUNDED' as const, foundedOn: source.foundedOn }] : []),
    // The replica is founded in an area that existed (in a commune) on that day.
    ...(target.areaPlaced ? [] : [{ code: 'AREA_NOT_PLACED' as const }]),
  ];
}
