export * from './names.js';
export * from './units.js';
export * from './lineage.js';
export * from './territory.js';
