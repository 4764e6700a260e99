export * from './policy.js';
export * from './scope.js';
