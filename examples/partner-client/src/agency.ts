/**
 * What a partner agency does with the client: read a province's coverage through the
 * 2025 reorganisation, list every residential area of a commune with its models, page
 * through a unit's models, look one up, and pass on a tip with its typed errors handled.
 */
import { allNodes, fieldMessages, unreachable, type PartnerClient, type TypedError } from './client/index.js';
import {
  FindAdminUnitsDocument,
  ModelDetailsDocument,
  ModelsPageDocument,
  MovementReportDocument,
  ResidentialAreasPageDocument,
  SubmitTipDocument,
  UnitCoverageDocument,
  type Language,
  type ModelDetailsQuery,
  type SubmitTipInput,
  type SubmitTipMutation,
} from './generated/graphql.js';

/**
 * The coverage of `unitCode` on `asOf`; with `figuresOn`, the figures of that earlier date
 * re-attributed to the units of `asOf` through the lineage.
 */
export async function coverage(client: PartnerClient, unitCode: string, asOf: string, figuresOn?: string) {
  const data = await client.execute(UnitCoverageDocument, { unitCode, asOf, ...(figuresOn ? { lineage: true, figuresOn } : {}) });
  return data.coverage;
}

export async function movementReport(client: PartnerClient, unitCode: string, asOf: string, language: Language) {
  return (await client.execute(MovementReportDocument, { unitCode, asOf, language })).movementReport;
}

/** Every residential area placed in a unit on `asOf`, with its first models, page by page. */
export function residentialAreas(client: PartnerClient, unitCode: string, asOf: string, pageSize?: number) {
  return allNodes(client, ResidentialAreasPageDocument, { unitCode, asOf }, (d) => d.residentialAreas, pageSize);
}

/** Every model hosted in a unit on `asOf`, page by page. */
export function models(client: PartnerClient, unitCode: string, asOf: string, pageSize?: number) {
  return allNodes(client, ModelsPageDocument, { unitCode, asOf }, (d) => d.models, pageSize);
}

export type ModelDetails = Extract<NonNullable<ModelDetailsQuery['node']>, { __typename: 'Model' }>;

/** A model by its ID; null when there is none the key may see (the two are not told apart). */
export async function modelDetails(client: PartnerClient, id: string, asOf: string): Promise<ModelDetails | null> {
  const { node } = await client.execute(ModelDetailsDocument, { id, asOf });
  return node?.__typename === 'Model' ? node : null;
}

/** Units whose name matches `search` on `asOf`, with what they became (every page). */
export function findAdminUnits(client: PartnerClient, search: string, asOf: string) {
  return allNodes(client, FindAdminUnitsDocument, { search, asOf }, (d) => d.adminUnits);
}

/** What became of a tip passed on: its receipt, or why it was refused. */
export type TipOutcome =
  | { readonly kind: 'received'; readonly tipNumber: string; readonly secret: string }
  | { readonly kind: 'invalid'; readonly error: TypedError; readonly fields: ReadonlyMap<string, string> }
  | { readonly kind: 'unknown-commune'; readonly error: TypedError };

type SubmitTipResult = SubmitTipMutation['submitTip']['result'];

/** Narrows the mutation's result union; a member added to it without a case here does not compile. */
export function tipOutcome(result: SubmitTipResult): TipOutcome {
  switch (result.__typename) {
    case 'TipReceipt':
      return { kind: 'received', tipNumber: result.tipNumber, secret: result.secret };
    case 'ValidationError':
      return { kind: 'invalid', error: result, fields: fieldMessages(result.fields) };
    case 'NotFoundError':
      return { kind: 'unknown-commune', error: result };
    default:
      return unreachable(result);
  }
}

export async function submitTip(client: PartnerClient, input: SubmitTipInput): Promise<TipOutcome> {
  return tipOutcome((await client.execute(SubmitTipDocument, { input })).submitTip.result);
}
