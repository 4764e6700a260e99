export * from './catalogue.js';
export { demoUuid, Random } from './random.js';
export { generateDemo, countsOf, type DemoInput, type DemoLink, type DemoRows, type DemoTable, type DemoUnit } from './generate.js';
export * from './seed.js';
