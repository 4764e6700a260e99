export * from './types.js';
export * from './compute.js';
