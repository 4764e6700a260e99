import { describe, expect, it } from 'vitest';
import * as enums from '../src/entities/enums.js';
import * as L from '../src/labels.js';
import {
  ELIGIBILITY_FAILURE_LABELS,
  OUT_OF_SCOPE_REASON_LABELS,
  RECOGNITION_CRITERION_LABELS,
  TEAM_COMPOSITION_FAILURE_LABELS,
  TEAM_EVALUATION_FAILURE_LABELS,
  labelOf,
} from '../src/index.js';

/** Each enum of entities/enums.ts and its label map. */
const PAIRS: Record<keyof typeof enums, L.Labels<string>> = {
  RESIDENTIAL_AREA_KINDS: L.RESIDENTIAL_AREA_KIND_LABELS,
  ORGANIZATION_KINDS: L.ORGANIZATION_KIND_LABELS,
  ENTERPRISE_SIZES: L.ENTERPRISE_SIZE_LABELS,
  SCHOOL_LEVELS: L.SCHOOL_LEVEL_LABELS,
  HOST_KINDS: L.HOST_KIND_LABELS,
  MODEL_CATEGORIES: L.MODEL_CATEGORY_LABELS,
  CATALOGUE_SCOPES: L.CATALOGUE_SCOPE_LABELS,
  MODEL_BUILDERS: L.MODEL_BUILDER_LABELS,
  MODEL_STATES: L.MODEL_STATE_LABELS,
  LIFECYCLE_EVENT_KINDS: L.LIFECYCLE_EVENT_KIND_LABELS,
  MODEL_EFFECTIVENESS: L.MODEL_EFFECTIVENESS_LABELS,
  EXEMPLAR_SUBJECT_KINDS: L.EXEMPLAR_SUBJECT_KIND_LABELS,
  AWARD_LEVELS: L.AWARD_LEVEL_LABELS,
  GRADED_UNIT_KINDS: L.GRADED_UNIT_KIND_LABELS,
  GRADING_LEVELS: L.GRADING_LEVEL_LABELS,
  TEAM_ROLES: L.TEAM_ROLE_LABELS,
  TEAM_EVALUATION_LEVELS: L.TEAM_EVALUATION_LEVEL_LABELS,
  EDUCATION_LEVELS: L.EDUCATION_LEVEL_LABELS,
  TEAM_SIZE_BASES: L.TEAM_SIZE_BASIS_LABELS,
  RULE_PACK_STATUSES: L.RULE_PACK_STATUS_LABELS,
  SERIOUS_EVENT_KINDS: L.SERIOUS_EVENT_KIND_LABELS,
  INSPECTION_KINDS: L.INSPECTION_KIND_LABELS,
  INSPECTION_SUBJECT_KINDS: L.INSPECTION_SUBJECT_KIND_LABELS,
  FOLLOW_UP_STATUSES: L.FOLLOW_UP_STATUS_LABELS,
  INSPECTION_STATUSES: L.INSPECTION_STATUS_LABELS,
  INSPECTION_RATINGS: L.INSPECTION_RATING_LABELS,
  FOLLOW_UP_STATES: L.FOLLOW_UP_STATE_LABELS,
  OUTREACH_FORMS: L.OUTREACH_FORM_LABELS,
  OUTREACH_AUDIENCES: L.OUTREACH_AUDIENCE_LABELS,
  PARTNER_KINDS: L.PARTNER_KIND_LABELS,
  TIP_CHANNELS: L.TIP_CHANNEL_LABELS,
  TIP_STATUSES: L.TIP_STATUS_LABELS,
  TIP_CATEGORIES: L.TIP_CATEGORY_LABELS,
  REINTEGRATION_STATUSES: L.REINTEGRATION_STATUS_LABELS,
  MENTOR_KINDS: L.MENTOR_KIND_LABELS,
  RECIPIENT_KINDS: L.RECIPIENT_KIND_LABELS,
  COMMENDATION_FORMS: L.COMMENDATION_FORM_LABELS,
  KEY_AREA_CATEGORIES: L.KEY_AREA_CATEGORY_LABELS,
  COLLECTIVE_KINDS: L.COLLECTIVE_KIND_LABELS,
  INFLUENCE_KINDS: L.INFLUENCE_KIND_LABELS,
  RELIGIONS: L.RELIGION_LABELS,
};

const RULE_LABELS = {
  RECOGNITION_CRITERION_LABELS,
  OUT_OF_SCOPE_REASON_LABELS,
  ELIGIBILITY_FAILURE_LABELS,
  TEAM_COMPOSITION_FAILURE_LABELS,
  TEAM_EVALUATION_FAILURE_LABELS,
};

describe('labels', () => {
  it('every enum has a label map, and every label map belongs to an enum', () => {
    expect(Object.keys(PAIRS).sort()).toEqual(Object.keys(enums).sort());
    const maps = Object.entries(L)
      .filter(([k]) => k.endsWith('_LABELS'))
      .map(([, v]) => v);
    expect(new Set(maps)).toEqual(new Set(Object.values(PAIRS)));
  });

  it.each(Object.entries(PAIRS))('%s: exactly its values, each with Vietnamese and English', (name, labels) => {
    const values = enums[name as keyof typeof enums] as readonly string[];
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const v of values) {
      expect(labels[v]!.vi.trim()).not.toBe('');
      expect(labels[v]!.en.trim()).not.toBe('');
    }
    expect(new Set(values.map((v) => labels[v]!.vi)).size).toBe(values.length);
  });

  it.each(Object.entries(RULE_LABELS))('%s: Vietnamese and English for every code', (_n, labels) => {
    for (const l of Object.values(labels) as L.Label[]) {
      expect(l.vi.trim()).not.toBe('');
      expect(l.en.trim()).not.toBe('');
    }
  });

  it('labelOf', () => {
    expect(labelOf(L.GRADING_LEVEL_LABELS, 'EXCELLENT', 'vi')).toBe('Xuất sắc');
    expect(labelOf(L.TEAM_ROLE_LABELS, 'DEPUTY', 'en')).toBe('Deputy leader');
    expect(labelOf(L.MODEL_STATE_LABELS, 'SUSPENDED', 'vi')).toBe('Tạm ngừng hoạt động');
  });
});
