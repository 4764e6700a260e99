// A commune officer's check before forming a security team: who may join, and
// how far along a model is. Pure functions from @antq/core: no server, no database.
import { buildLifecycle, checkMemberEligibility, ELIGIBILITY_FAILURE_LABELS, MODEL_STATE_LABELS, stateOn, vietnamDateOf } from '@antq/core';

const today = vietnamDateOf(new Date('2025-03-01T02:00:00Z'));

const candidates = [
  {
    name: 'Nguyễn Văn A',
    birthDate: '1990-05-12',
    cleanRecord: true,
    education: 'LOWER_SECONDARY',
    residentSince: '2015-01-01',
    hasHealthCertificate: true,
  },
  {
    name: 'Trần Thị B',
    birthDate: '1953-07-01',
    cleanRecord: true,
    education: 'PRIMARY',
    residentSince: '2024-08-01',
    hasHealthCertificate: true,
  },
] as const;

for (const { name, ...candidate } of candidates) {
  const verdict = checkMemberEligibility(candidate, { date: today, borderMountainOrEthnicMinorityArea: true });
  const reasons = verdict.failures.map((f) => ELIGIBILITY_FAILURE_LABELS[f.code].vi).join('; ');
  console.log(`${name}: ${verdict.pass ? 'đủ điều kiện' : `chưa đủ điều kiện (${reasons})`}`);
}

const model = buildLifecycle([
  { kind: 'PROPOSE', date: '2024-01-10' },
  { kind: 'SURVEY', date: '2024-01-20' },
  { kind: 'APPROVE', date: '2024-02-01' },
  { kind: 'ESTABLISH', date: '2024-02-15' },
  { kind: 'ACTIVATE', date: '2024-03-01' },
]);
if (model.ok) console.log(`Tổ an ninh nhân dân ấp 3: ${MODEL_STATE_LABELS[stateOn(model.lifecycle, today)!].vi}`);
