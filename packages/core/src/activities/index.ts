export * from './inspections.js';
export * from './outreach.js';
export * from './reintegration.js';
