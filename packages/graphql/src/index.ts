/**
 * @antq/graphql: the antq GraphQL schema and server. Build the schema with `antqSchema()`,
 * serve it with `createAntqYoga({ db })`, or run the `antq` command.
 */
export { builder } from './builder.js';
export { createContext, type Context } from './context.js';
export { DEFAULT_SETTINGS, serverSettings, settingsFromEnv, type ServerSettings } from './settings.js';
export { antqSchema, type SchemaOptions } from './schema.js';
export {
  defineExtension,
  migrateExtensions,
  type AntqBuilder,
  type AntqExtension,
  type ExtensionDefinition,
  type ExtensionKit,
  type SharedKit,
} from './extend.js';
export { FEDERATION_LINK } from './federation.js';
export { createAntqYoga, type AntqYoga, type YogaOptions } from './http/yoga.js';
export { listen, type Listening } from './http/serve.js';
export { startTracing, type Tracing, type TracingOptions } from './http/tracing.js';
export { prepareDatabase, dataDirOf, sealWith, serverSecrets, type StartupOptions } from './startup.js';
export { loadSecrets, type Secrets } from './auth/secrets.js';
export { issueToken, tokenVerifier, AuthenticationError, type TokenClaims } from './auth/tokens.js';
export { issueApiKey, operationsOfFile, registerPersistedOperations, revokeApiKey } from './auth/api-keys.js';
export { DEFAULT_LIMITS, type Limits } from './http/limits.js';
export { stderrSink, type LogEntry, type LogSink } from './http/request-log.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';
