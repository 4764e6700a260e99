/** Assembles the schema from the builder and every module that adds to it. */
import { GraphQLObjectType, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import { applyExtensions, type AntqExtension } from './extend.js';
import { FEDERATION_LINK } from './federation.js';
import './scalars.js';
import './error-types.js';
import './hierarchy/schema.js';
import './tips/schema.js';
import './audit/schema.js';
import './movement/areas.js';
import './movement/models.js';
import './movement/coverage.js';
import './movement/catalogues.js';
import './movement/organizations.js';
import './movement/area-mutations.js';
import './movement/model-mutations.js';
import './movement/teams.js';
import './movement/team-mutations.js';
import './movement/model-member-mutations.js';
import './activities/inspections.js';
import './activities/inspection-mutations.js';
import './activities/outreach.js';
import './activities/outreach-mutations.js';
import './activities/reintegration.js';
import './activities/reintegration-mutations.js';
import './recognition/schema.js';
import './recognition/mutations.js';
import './report/schema.js';
import './imports/schema.js';
import './assessment/schema.js';
import './assessment/mutations.js';
import './assessment/configuration.js';
import './assessment/progress.js';

export interface SchemaOptions {
  /** Other packages' additions (see extend.ts); a process serves one set of them. */
  readonly extensions?: readonly AntqExtension[];
  /** An Apollo Federation subgraph: adds `_service` and `_entities` (see federation.ts). */
  readonly federation?: boolean;
}

let plain: GraphQLSchema | undefined;
const built = new Map<string, GraphQLSchema>();

/**
 * The antq schema, sorted, built once per process for each set of options. Without
 * options it is exactly our own schema: it is built before any extension is added, so
 * extensions never leak into it.
 */
export function antqSchema({ extensions = [], federation = false }: SchemaOptions = {}): GraphQLSchema {
  plain ??= pagesEndWithACursor(lexicographicSortSchema(builder.toSchema()));
  if (!extensions.length && !federation) return plain;
  applyExtensions(extensions);
  const key = `${federation ? 'subgraph' : 'schema'}:${extensions.map((e) => e.name).join(',')}`;
  let schema = built.get(key);
  if (!schema) {
    // toSubGraphSchema sorts its result itself.
    schema = pagesEndWithACursor(
      federation ? builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK }) : lexicographicSortSchema(builder.toSchema()),
    );
    built.set(key, schema);
  }
  return schema;
}

/**
 * `hasNextPage` is true only with an `endCursor` to go on from, in every connection (ours
 * and plugin-prisma's alike): a page of `first: 0` has no edges and so no cursor, and asks
 * for `totalCount` alone. Without this, such a page said "more after" with nothing to pass
 * as `after`.
 */
function pagesEndWithACursor(schema: GraphQLSchema): GraphQLSchema {
  const pageInfo = schema.getType('PageInfo');
  if (pageInfo instanceof GraphQLObjectType) {
    const field = pageInfo.getFields().hasNextPage!;
    field.resolve = (page: { hasNextPage: boolean; endCursor?: string | null }) => page.hasNextPage && page.endCursor != null;
  }
  return schema;
}
