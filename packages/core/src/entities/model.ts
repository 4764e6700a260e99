/** Model catalogues and types, models, their lifecycle events and replication points. */
import { z } from 'zod';
import { CATALOGUE_SCOPES, HOST_KINDS, LIFECYCLE_EVENT_KINDS, MODEL_BUILDERS, MODEL_CATEGORIES } from './enums.js';
import {
  communeCodeSchema,
  countSchema,
  decisionSchema,
  idSchema,
  isoDateSchema,
  nameSchema,
  provinceCodeSchema,
  textSchema,
} from './common.js';

/** A short code for catalogues and model types: letters, digits, `_` and `-`, 1–50 characters. */
export const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,50}$/, 'must be 1–50 letters, digits, "_" or "-"');

/** Input for a catalogue of model types: the national one, or one province's. */
export const modelCatalogueInput = z
  .object({
    code: codeSchema,
    name: nameSchema,
    scope: z.enum(CATALOGUE_SCOPES),
    /** The province whose catalogue it is; required for `PROVINCIAL`, absent for `NATIONAL`. */
    provinceCode: provinceCodeSchema.nullable().default(null),
  })
  .refine((c) => (c.scope === 'PROVINCIAL') === (c.provinceCode !== null), {
    message: 'a provincial catalogue names its province; the national one names none',
    path: ['provinceCode'],
  });
/** Input for a model catalogue. */
export type ModelCatalogueInput = z.infer<typeof modelCatalogueInput>;
/** A stored model catalogue. */
export type ModelCatalogue = ModelCatalogueInput & { readonly id: string };

/** Input for a model type (loại mô hình), such as "Tổ an ninh nhân dân". */
export const modelTypeInput = z.object({
  code: codeSchema,
  name: nameSchema,
  category: z.enum(MODEL_CATEGORIES),
  /** The hosts it applies to; at least one, no repeats. */
  hostKinds: z
    .array(z.enum(HOST_KINDS))
    .min(1)
    .refine((ks) => new Set(ks).size === ks.length, { message: 'must not repeat a host kind' }),
  catalogueId: idSchema,
});
/** Input for a model type. */
export type ModelTypeInput = z.infer<typeof modelTypeInput>;
/** A stored model type. */
export type ModelType = ModelTypeInput & { readonly id: string };

/** Where a model is built: a residential area, a commune (by code on the founding date), or an organization. */
export const modelHostSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('RESIDENTIAL_AREA'), residentialAreaId: idSchema }),
  z.object({ kind: z.literal('COMMUNE'), communeCode: communeCodeSchema }),
  z.object({ kind: z.literal('ORGANIZATION'), organizationId: idSchema }),
]);
/** The host of a model. */
export type ModelHost = z.infer<typeof modelHostSchema>;

/** Input for a model (mô hình) built in one host. */
export const modelInput = z.object({
  name: nameSchema,
  modelTypeId: idSchema,
  host: modelHostSchema,
  foundedOn: isoDateSchema,
  builtBy: z.enum(MODEL_BUILDERS),
  /** Members taking part, when known. */
  memberCount: countSchema.optional(),
});
/** Input for a model. */
export type ModelInput = z.infer<typeof modelInput>;
/** A stored model. */
export type Model = ModelInput & { readonly id: string };

/** Input for one dated lifecycle event of a model (see `lifecycle/`). */
export const lifecycleEventInput = z.object({
  modelId: idSchema,
  kind: z.enum(LIFECYCLE_EVENT_KINDS),
  date: isoDateSchema,
  decision: decisionSchema.optional(),
  note: textSchema.optional(),
});
/** Input for a lifecycle event. */
export type LifecycleEventInput = z.infer<typeof lifecycleEventInput>;
/** A stored lifecycle event. */
export type LifecycleEvent = LifecycleEventInput & { readonly id: string };

/** Input for a replication point (điểm nhân rộng): `replicaModelId` was replicated from `sourceModelId`. */
export const replicationPointInput = z
  .object({
    sourceModelId: idSchema,
    replicaModelId: idSchema,
    replicatedOn: isoDateSchema,
  })
  .refine((r) => r.sourceModelId !== r.replicaModelId, {
    message: 'a model is not replicated from itself',
    path: ['replicaModelId'],
  });
/** Input for a replication point. */
export type ReplicationPointInput = z.infer<typeof replicationPointInput>;
/** A stored replication point. */
export type ReplicationPoint = ReplicationPointInput & { readonly id: string };
