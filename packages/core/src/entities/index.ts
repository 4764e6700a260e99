export * from './enums.js';
export * from './common.js';
export * from './residential-area.js';
export * from './organization.js';
export * from './model.js';
export * from './evaluation.js';
export * from './security-team.js';
export * from './activities.js';
