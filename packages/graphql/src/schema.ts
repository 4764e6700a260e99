/** Assembles the schema from the builder and every module that adds to it. */
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
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
import './imports/schema.js';

let schema: GraphQLSchema | undefined;

/** The antq schema, sorted, built once per process. */
export function antqSchema(): GraphQLSchema {
  schema ??= lexicographicSortSchema(builder.toSchema());
  return schema;
}
