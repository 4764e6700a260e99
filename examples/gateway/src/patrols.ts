/**
 * A partner's service: the ward police's patrol schedule (lịch tuần tra). It is a
 * federation subgraph of its own, with its own data, that adds `patrols` to antq's
 * `ResidentialArea` (by its key, the global ID) and answers `patrolsOn(date)` with the
 * areas, whose names and communes the gateway fetches from antq.
 *
 * It serves signed-in officers only, checking antq's token itself (the gateway forwards
 * the caller's Authorization header to every subgraph); what an officer may see of an
 * area is antq's to decide.
 */
import { tokenVerifier } from '@antq/graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

export const SHIFTS = ['MORNING', 'AFTERNOON', 'NIGHT'] as const;

export interface Patrol {
  /** antq's global ID of the residential area. */
  readonly areaId: string;
  /** yyyy-mm-dd */
  readonly date: string;
  readonly shift: (typeof SHIFTS)[number];
  readonly team: string;
}

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  enum PatrolShift {
    MORNING
    AFTERNOON
    NIGHT
  }

  "A patrol of a residential area on one day."
  type Patrol {
    date: String!
    shift: PatrolShift!
    team: String!
  }

  "antq's residential area, extended with its patrols."
  type ResidentialArea @key(fields: "id") {
    id: ID!
    "Its patrols, by date then shift, between from and to (yyyy-mm-dd, both included)."
    patrols(from: String, to: String): [Patrol!]!
  }

  type PatrolAssignment {
    date: String!
    shift: PatrolShift!
    team: String!
    "The area patrolled: null when antq does not let you see it."
    area: ResidentialArea
  }

  type Query {
    "Every patrol on a day, by shift."
    patrolsOn(date: String!): [PatrolAssignment!]!
  }
`);

interface PatrolContext {
  readonly signedIn: Promise<boolean>;
}

const SHIFT_ORDER = Object.fromEntries(SHIFTS.map((s, i) => [s, i]));
const byDateThenShift = (a: Patrol, b: Patrol) => a.date.localeCompare(b.date) || SHIFT_ORDER[a.shift]! - SHIFT_ORDER[b.shift]!;

async function requireSignedIn(ctx: PatrolContext): Promise<void> {
  if (!(await ctx.signedIn))
    throw new GraphQLError('Sign in to see patrols. / Đăng nhập để xem lịch tuần tra.', { extensions: { code: 'UNAUTHENTICATED' } });
}

/** The patrol service as a fetch handler, over `patrols` (kept in memory here). */
export function createPatrolService({ patrols, jwtSecret }: { patrols: readonly Patrol[]; jwtSecret: Uint8Array }) {
  const verify = tokenVerifier({ secret: jwtSecret });
  const byArea = new Map<string, Patrol[]>();
  for (const p of [...patrols].sort(byDateThenShift)) byArea.set(p.areaId, [...(byArea.get(p.areaId) ?? []), p]);

  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: {
        patrolsOn: async (_root: unknown, { date }: { date: string }, ctx: PatrolContext) => {
          await requireSignedIn(ctx);
          return patrols
            .filter((p) => p.date === date)
            .sort(byDateThenShift)
            .map((p) => ({ ...p, area: { id: p.areaId } }));
        },
      },
      ResidentialArea: {
        // The gateway hands over the key; the rest of the area comes from antq.
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        patrols: async (area: { id: string }, args: { from?: string | null; to?: string | null }, ctx: PatrolContext) => {
          await requireSignedIn(ctx);
          return (byArea.get(area.id) ?? []).filter((p) => (!args.from || p.date >= args.from) && (!args.to || p.date <= args.to));
        },
      },
    } as never,
  });

  return createYoga<Record<string, never>, PatrolContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: false,
    context: ({ request }) => {
      const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      return {
        signedIn: bearer
          ? verify(bearer).then(
              () => true,
              () => false,
            )
          : Promise.resolve(false),
      };
    },
  });
}
