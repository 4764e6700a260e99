export * from './verdict.js';
export * from './recognition.js';
export * from './grading.js';
export * from './member-eligibility.js';
export * from './team-size.js';
export * from './team-evaluation.js';
export * from './model-rating.js';
export * from './awards.js';
