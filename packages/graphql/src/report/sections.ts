/**
 * The movement report's sections, in the order the report gives them. Each part of the
 * movement contributes one loader (see section.ts); adding a part is adding its line here.
 */
import { assessmentsSection } from '../assessment/section.js';
import { coverageSection } from '../movement/coverage-section.js';
import { commendationsSection, exemplarsSection, influenceSection, keyAreasSection } from '../recognition/sections.js';
import { inspectionsSection } from './inspections-section.js';
import { outreachSection } from './outreach-section.js';
import { reintegrationSection } from './reintegration-section.js';
import type { SectionLoader } from './section.js';

export const SECTION_LOADERS: readonly SectionLoader[] = [
  coverageSection,
  exemplarsSection,
  inspectionsSection,
  outreachSection,
  reintegrationSection,
  commendationsSection,
  keyAreasSection,
  influenceSection,
  assessmentsSection,
];
