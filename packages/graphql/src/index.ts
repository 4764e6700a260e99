/**
 * @antq/graphql: the antq GraphQL schema and server. Build the schema with `antqSchema()`,
 * serve it with `createAntqYoga({ db })`, or run the `antq` command.
 */
export { builder } from './builder.js';
export { createContext, type Context } from './context.js';
export { antqSchema } from './schema.js';
export { createAntqYoga, type AntqYoga, type YogaOptions } from './http/yoga.js';
export { listen, type Listening } from './http/serve.js';
export { prepareDatabase, dataDirOf, type StartupOptions } from './startup.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';
