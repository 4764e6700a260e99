/** The partner's client: send persisted operations, page through connections, narrow results. */
export {
  AntqRequestError,
  hashOf,
  operationNameOf,
  partnerClient,
  type ClientOptions,
  type Cost,
  type GraphQLErrorEntry,
  type PartnerClient,
} from './client.js';
export { allNodes, MAX_PAGE_SIZE, pages, type Connection } from './pages.js';
export { fieldMessages, unreachable, type TypedError } from './results.js';
