/** The Prisma model types and datamodel that @pothos/plugin-prisma needs, generated with the client. */
export type { default as PrismaTypes } from './generated/pothos-types.js';
export { getDatamodel } from './generated/pothos-types.js';
