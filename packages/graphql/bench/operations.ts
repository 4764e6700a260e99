/**
 * The representative operations of the benchmark: each one a GraphQL request the API
 * serves, and the same answer computed by hand-written SQL (the baseline, baseline.ts).
 * Fixtures (which commune, which model, which teams) are picked from the database once,
 * before the run, so every figure of one run is about the same rows.
 */
import type { Fixtures, TeamSlot } from './fixtures.js';
import type { Sql } from './sql.js';

export interface GraphQLRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

export interface Operation {
  readonly name: string;
  readonly title: string;
  /** The request at a page size (the statement-count check compares two sizes). */
  request(fx: Fixtures, pageSize: number): GraphQLRequest;
  /** Page sizes whose statement counts must be equal; none for an operation without a page. */
  readonly pageSizes: readonly number[];
  /** The same answer by hand-written SQL, through `pg`. */
  baseline(sql: Sql, fx: Fixtures): Promise<unknown>;
  /** A write: each request consumes one fixture slot (see TeamSlot). */
  readonly write?: boolean;
}

const FIGURES = 'residentialAreas residentialAreasWithActiveModel activeModels modelTypes';
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
/** The figures of 2024 re-attributed to today's units: the lineage question of the issue. */
export const LINEAGE_FIGURES_ON = '2024-12-31';

export const OPERATIONS: readonly Operation[] = [
  {
    // Not an answer of the list: the floor under every other row. What any request pays
    // over HTTP (yoga, its plugins, authentication, the executor) before reading anything,
    // against the cheapest statement `pg` can send.
    name: 'envelope',
    title: 'An empty request (`{ __typename }`), against `SELECT 1`',
    pageSizes: [],
    request: () => ({ query: '{ __typename }' }),
    baseline: (sql) => sql.one(),
  },
  {
    name: 'coverage-today',
    title: 'National coverage by province, asOf today',
    pageSizes: [],
    request: () => ({
      query: `{ nationalCoverage { ${FIGURES} byProvince { unit { code } ${FIGURES} } byModelType { modelType { id } activeModels residentialAreas } } }`,
    }),
    baseline: (sql, fx) => sql.coverage(fx.today, null),
  },
  {
    name: 'coverage-lineage',
    title: 'National coverage by province, figures of 2024-12-31 on today’s units (lineage)',
    pageSizes: [],
    request: () => ({
      query: `{ nationalCoverage(lineage: true, figuresOn: "${LINEAGE_FIGURES_ON}") { ${FIGURES} byProvince { unit { code } ${FIGURES} } byModelType { modelType { id } activeModels residentialAreas } lineage { partial { ${FIGURES} } } } }`,
    }),
    baseline: (sql, fx) => sql.coverage(fx.today, LINEAGE_FIGURES_ON),
  },
  {
    name: 'commune-areas',
    title: 'One commune’s residential areas (first 50), with their models and latest evaluation',
    pageSizes: [5, 50],
    request: (fx, n) => ({
      query: `query($c: String!, $n: Int!) { residentialAreas(unitCode: $c, first: $n) { totalCount edges { node { id name kind
        models(first: 10) { totalCount edges { node { id name state modelType { name } latestEvaluation { outcome periodTo } } } } } } } }`,
      variables: { c: fx.communeCode, n },
    }),
    baseline: (sql, fx) => sql.communeAreas(fx.communeCode, fx.today, 50, 10),
  },
  {
    name: 'model-page',
    title: 'A model’s page: type, host, events, evaluations and members (first 50)',
    pageSizes: [5, 50],
    request: (fx, n) => ({
      query: `query($id: ID!, $n: Int!) { node(id: $id) { ... on Model { id name hostKind foundedOn builtBy state version
        modelType { name category } residentialArea { name }
        events { kind date decisionNumber } evaluations { periodFrom periodTo evaluatedOn outcome }
        members(first: $n) { totalCount edges { node { fullName position joinedOn leftOn phone } } } } } }`,
      variables: { id: gid('Model', fx.modelId), n },
    }),
    baseline: (sql, fx) => sql.modelPage(fx.modelId, fx.today, 50),
  },
  {
    name: 'team-evaluation',
    title: 'A security team’s yearly evaluation (mutation, audited)',
    pageSizes: [],
    write: true,
    request: () => ({ query: TEAM_EVALUATION }),
    baseline: () => Promise.reject(new Error('the write baseline takes a slot: see baseline.ts recordTeamEvaluation')),
  },
];

export const TEAM_EVALUATION = `mutation($input: RecordTeamEvaluationInput!) { recordTeamEvaluation(input: $input) {
  result { __typename ... on SecurityTeam { id version } ... on UserError { code } } } }`;

/** The mutation's variables for one slot: a level no rule of Guidance 01 refuses for a team without a rated leader. */
export function teamEvaluationVariables(slot: TeamSlot): Record<string, unknown> {
  return {
    input: {
      teamId: gid('SecurityTeam', slot.teamId),
      version: slot.version,
      year: slot.year,
      tasksAssigned: 10,
      tasksCompleted: 8,
      level: 'COMPLETE',
    },
  };
}
