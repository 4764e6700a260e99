export * from './parameters.js';
export {
  emptyTables,
  planNational,
  generateProvince,
  provinceCoverageData,
  nationalUuid,
  RunState,
  World,
  type NationalInput,
  type NationalLink,
  type NationalOptions,
  type NationalPlan,
  type ProvincePlan,
} from './generate.js';
export * from './seed.js';
