export * from './sources.js';
export * from './plan.js';
export * from './eras.js';
export * from './import.js';
export * from './shipped.js';
