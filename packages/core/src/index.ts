/**
 * @antq/core: the types and rules of the all-people movement to protect national
 * security at the grassroots. Pure functions over plain data: no I/O, no clock.
 */
export * from './dates.js';
export * from './hierarchy/index.js';
export * from './labels.js';
export * from './entities/index.js';
export * from './lifecycle/index.js';
export * from './coverage/index.js';
export * from './rules/index.js';
export * from './access/index.js';
export * from './tips/index.js';
export * from './activities/index.js';
export * from './imports/index.js';
export * from './assessment/index.js';
