export * from './workflow.js';
export * from './facts.js';
