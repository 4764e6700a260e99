/**
 * The movement's activities in a set of communes over one year: inspections with their
 * follow-ups, outreach sessions and re-integration cases, made from plain inputs (the
 * communes with the codes they are filed under, their areas, models and teams), seeded
 * random streams and name-based ids. Pure and deterministic. The demo (Bình Phước, 2024)
 * and the national generator (every province, five years) both call `generateActivities`.
 *
 * What a year shows: every commune inspected once (some also a model or a security team),
 * follow-ups done, open, overdue or cancelled; a few inspections still planned or
 * cancelled; outreach in every form and for every audience, with the festival day on 19
 * August in most communes and partners from the Fatherland Front, the mass organisations
 * and the army; re-integration cases with mentors, notes and outcomes. Re-integration data
 * is personal: `sealReintegration` seals it with the `seal` the API layer passes in (see
 * `sealedContext`); without one the callers leave it out.
 */
import {
  addDays,
  festivalDayOf,
  type InspectionKind,
  type InspectionRating,
  type IsoDate,
  type MentorKind,
  type OutreachAudience,
  type OutreachForm,
  type PartnerKind,
  type ReintegrationStatus,
} from '@antq/core';
import { personName, PLACE_NAMES } from '../demo/names.js';
import type { Random } from '../demo/random.js';
import { sealedContext, type Seal } from '../sealed.js';
import type {
  FollowUpRow,
  InspectionRow,
  OutreachRow,
  ReintegrationCaseRow,
  ReintegrationMentorRow,
  ReintegrationNoteRow,
  Uuid,
} from './rows.js';

export type { FollowUpRow, InspectionRow, OutreachRow } from './rows.js';

type Day = IsoDate;

/** A case before sealing: what the seal is given. */
export interface ReintegrationDraft {
  id: string;
  communeId: string;
  communeCode: string;
  placeCodes: string[];
  residentialAreaId: string | null;
  returnedOn: Day;
  status: ReintegrationStatus;
  closedOn: Day | null;
  datasetId: string;
  person: { fullName: string; birthDate: Day; citizenId: string; address: string };
  offence: string;
  mentors: Array<{ id: string; kind: MentorKind; name: string; assignedOn: Day }>;
  notes: Array<{ id: string; notedOn: Day; text: string; author: string }>;
}

export interface Activities {
  inspections: InspectionRow[];
  followUps: FollowUpRow[];
  outreach: OutreachRow[];
  reintegration: ReintegrationDraft[];
}

/** A residential area of a commune: the codes it is filed under, and the models an inspection may visit there (the first is visited). */
export interface ActivityArea {
  readonly id: string;
  readonly placeCodes: readonly string[];
  readonly models: readonly string[];
}

/** A security team of a commune: its first area (if any), the codes an inspection of it is filed under, and the first day one may be planned for. */
export interface ActivityTeam {
  readonly id: string;
  readonly areaId: string | null;
  readonly placeCodes: readonly string[];
  readonly inspectableFrom: Day;
}

/** Where a record of `commune` (in `area`, or of the whole commune) is filed: the commune, the codes it is found under, the area. */
function filedUnder(commune: ActivityCommune, area: ActivityArea | null) {
  return {
    communeId: commune.id,
    communeCode: commune.code,
    placeCodes: [...(area ? area.placeCodes : commune.placeCodes)],
    residentialAreaId: area ? area.id : null,
  };
}

/** A commune as the activities need it. */
export interface ActivityCommune {
  readonly id: string;
  readonly code: string;
  readonly fullName: string;
  /** The codes a record of the whole commune is filed under (its own and the units above, then and since). */
  readonly placeCodes: readonly string[];
  readonly areas: readonly ActivityArea[];
  readonly teams: readonly ActivityTeam[];
  /** On a land border: outreach there may be joined by the border guard. */
  readonly border: boolean;
}

export interface ActivityOptions {
  readonly year: number;
  readonly datasetId: string;
  /** The id of a row: name-based, `key` unique within `kind` for the caller. */
  readonly uuid: Uuid;
  /** Put before every key given to `uuid` (the national generator: the year). */
  readonly keyPrefix: string;
  readonly random: { readonly inspections: Random; readonly outreach: Random; readonly reintegration: Random };
  /** Also a session in the autumn before `year` and one in the spring after it (the demo's single year, so that periods matter). */
  readonly sessionsAround: boolean;
  /** How many communes have re-integration cases (1 or 2 each), chosen at random. */
  readonly reintegrationCommunes: number;
  /** Cases return from this day to 31 October of `year`. */
  readonly returnedFrom: Day;
  /** No case closes, and no note is written, after this day. */
  readonly until: Day;
  /** A fresh serial for a (fake) citizen id, 0–99,999. */
  readonly citizenSerial: () => number;
  /** Who writes a case's notes in `commune`. */
  readonly noteAuthor: (commune: ActivityCommune) => string;
}

const FINDINGS: Record<InspectionRating, readonly string[]> = {
  GOOD: [
    'Các mô hình duy trì hoạt động đều, hồ sơ sổ sách đầy đủ; lực lượng nắm chắc địa bàn.',
    'Triển khai đầy đủ kế hoạch năm; phối hợp tốt với Mặt trận và các đoàn thể.',
  ],
  FAIR: [
    'Cơ bản thực hiện tốt kế hoạch; một số sổ sách ghi chép chưa đầy đủ.',
    'Mô hình hoạt động ổn định, cần tăng cường tuần tra vào ban đêm.',
  ],
  AVERAGE: [
    'Một số tổ tự quản hoạt động cầm chừng; chưa tổ chức sinh hoạt định kỳ.',
    'Việc nắm tình hình người lầm lỗi trên địa bàn chưa thường xuyên.',
  ],
  WEAK: [
    'Tổ chưa được kiện toàn sau khi tổ trưởng chuyển đi; hồ sơ không cập nhật.',
    'Mô hình ngừng hoạt động nhiều tháng; chưa có kế hoạch khắc phục.',
  ],
};
const ACTIONS = [
  'Kiện toàn tổ trưởng, tổ phó của tổ tự quản',
  'Bổ sung, cập nhật sổ theo dõi hoạt động của mô hình',
  'Tổ chức sinh hoạt định kỳ hằng tháng',
  'Xây dựng kế hoạch tuần tra ban đêm',
  'Rà soát, lập danh sách người lầm lỗi cần giúp đỡ',
  'Tập huấn nghiệp vụ cho thành viên tổ bảo vệ an ninh, trật tự',
];
const OWNERS = [
  'Công an xã',
  'Trưởng ấp',
  'Tổ trưởng tổ bảo vệ an ninh, trật tự',
  'Ban Công tác Mặt trận khu dân cư',
  'Chi đoàn thanh niên',
];
const TOPICS: Record<OutreachForm, readonly string[]> = {
  MEETING: [
    'Phòng, chống tội phạm ma túy trong khu dân cư',
    'Triển khai Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở',
    'Phòng ngừa lừa đảo qua mạng',
  ],
  LOUDSPEAKER: ['Cảnh giác với thủ đoạn lừa đảo chiếm đoạt tài sản', 'Vận động giao nộp vũ khí, vật liệu nổ', 'An toàn phòng cháy mùa khô'],
  LEAFLET: ['Nhận diện thủ đoạn lừa đảo qua điện thoại', 'Đường dây nóng tiếp nhận tin báo tội phạm'],
  SOCIAL_MEDIA: ['Cảnh báo lừa đảo việc làm trực tuyến', 'Không tham gia cá độ, cờ bạc trực tuyến'],
  FESTIVAL_DAY: ['Ngày hội toàn dân bảo vệ an ninh Tổ quốc'],
  DOOR_TO_DOOR: ['Vận động gia đình quản lý, giáo dục con em', 'Đăng ký cư trú, thông báo lưu trú'],
  PERFORMANCE: ['Sân khấu hóa phòng, chống ma túy học đường', 'Văn nghệ chào mừng ngày 19/8'],
  OTHER: ['Thi tìm hiểu pháp luật về an ninh, trật tự'],
};
const REACH: Record<OutreachForm, readonly [number, number]> = {
  MEETING: [40, 220],
  LOUDSPEAKER: [400, 3000],
  LEAFLET: [150, 900],
  SOCIAL_MEDIA: [300, 5000],
  FESTIVAL_DAY: [250, 1400],
  DOOR_TO_DOOR: [20, 140],
  PERFORMANCE: [150, 900],
  OTHER: [50, 300],
};
const FORM_WEIGHTS: Partial<Record<OutreachForm, number>> = {
  MEETING: 30,
  LOUDSPEAKER: 22,
  LEAFLET: 14,
  SOCIAL_MEDIA: 14,
  DOOR_TO_DOOR: 10,
  PERFORMANCE: 6,
  OTHER: 4,
};
const AUDIENCE_WEIGHTS: Partial<Record<OutreachAudience, number>> = {
  RESIDENTS: 50,
  STUDENTS: 14,
  YOUTH: 10,
  WORKERS: 10,
  ETHNIC_MINORITIES: 8,
  RELIGIOUS_FOLLOWERS: 6,
  OTHER: 2,
};
const OFFENCES = [
  'Trộm cắp tài sản (Điều 173 Bộ luật Hình sự), 18 tháng tù',
  'Tàng trữ trái phép chất ma túy (Điều 249 Bộ luật Hình sự), 2 năm tù',
  'Cố ý gây thương tích (Điều 134 Bộ luật Hình sự), 3 năm tù',
  'Đánh bạc (Điều 321 Bộ luật Hình sự), 12 tháng tù',
  'Lừa đảo chiếm đoạt tài sản (Điều 174 Bộ luật Hình sự), 30 tháng tù',
  'Cướp giật tài sản (Điều 171 Bộ luật Hình sự), 4 năm tù',
];
const NOTES = [
  'Đã về địa phương trình diện, được gia đình tiếp nhận; tổ giúp đỡ đến thăm, động viên.',
  'Đã có việc làm tại xưởng chế biến hạt điều; chấp hành tốt quy định của địa phương.',
  'Tham gia sinh hoạt khu dân cư đầy đủ; quan hệ với hàng xóm tốt.',
  'Có biểu hiện tụ tập với đối tượng xấu; tổ giúp đỡ đã gặp gỡ, nhắc nhở.',
  'Được hỗ trợ vay vốn từ Ngân hàng Chính sách xã hội để chăn nuôi.',
  'Tiến bộ rõ rệt; đề nghị xem xét kết thúc giúp đỡ.',
];

/** One year's activities in `communes` (see the module's comment). */
export function generateActivities(communesIn: readonly ActivityCommune[], o: ActivityOptions): Activities {
  const { year, datasetId } = o;
  const uuid = (kind: string, key: string) => o.uuid(kind, `${o.keyPrefix}${key}`);
  const yearEnd: Day = `${year}-12-31`;
  const communes = [...communesIn].sort((a, b) => a.code.localeCompare(b.code));

  // --- Inspections and follow-ups ---------------------------------------------------------
  const ir = o.random.inspections;
  const inspections: InspectionRow[] = [];
  const followUps: FollowUpRow[] = [];
  const teamFrom = new Map<string, Day>();
  const team = () => [personName(ir, ir.chance(0.3)), personName(ir, ir.chance(0.3))].filter((n, i, all) => all.indexOf(n) === i);
  const rating = () => ir.weighted<InspectionRating>({ GOOD: 40, FAIR: 35, AVERAGE: 18, WEAK: 7 });
  const addInspection = (
    key: string,
    commune: ActivityCommune,
    subject: Pick<InspectionRow, 'subjectKind' | 'residentialAreaId' | 'modelId' | 'teamId'>,
    kind: InspectionKind,
    placeCodes: readonly string[],
  ) => {
    const id = uuid('Inspection', key);
    const plannedOn = ir.date(`${year}-02-01`, `${year}-12-20`);
    const fate = plannedOn > `${year}-12-10` ? 'PLANNED' : ir.chance(0.04) ? 'CANCELLED' : 'DONE';
    const base = {
      id,
      kind,
      ...subject,
      unitId: commune.id,
      unitCode: commune.code,
      placeCodes: [...placeCodes],
      plannedOn,
      team: team(),
      purpose: null,
      datasetId,
    };
    if (fate === 'PLANNED')
      return void inspections.push({
        ...base,
        status: 'PLANNED',
        inspectedOn: null,
        findings: null,
        rating: null,
        cancelledOn: null,
        cancelReason: null,
      });
    if (fate === 'CANCELLED') {
      return void inspections.push({
        ...base,
        status: 'CANCELLED',
        inspectedOn: null,
        findings: null,
        rating: null,
        cancelledOn: addDays(plannedOn, -ir.int(1, 10)),
        cancelReason: 'Lùi lịch do trùng đợt cao điểm tấn công trấn áp tội phạm',
      });
    }
    const inspectedOn = addDays(plannedOn, ir.int(0, 6));
    const r = rating();
    inspections.push({
      ...base,
      status: 'DONE',
      inspectedOn,
      findings: ir.pick(FINDINGS[r]),
      rating: r,
      cancelledOn: null,
      cancelReason: null,
    });
    const n = r === 'GOOD' ? ir.int(0, 1) : r === 'FAIR' ? ir.int(1, 2) : ir.int(2, 3);
    for (let seq = 1; seq <= n; seq++) {
      const dueOn = addDays(inspectedOn, ir.int(30, 120));
      const outcome = ir.weighted({ done: 55, late: 10, open: 30, cancelled: 5 });
      const closedOn =
        outcome === 'done'
          ? addDays(inspectedOn, ir.int(7, Math.max(7, Math.round((Date.parse(dueOn) - Date.parse(inspectedOn)) / 86_400_000))))
          : outcome === 'late'
            ? addDays(dueOn, ir.int(5, 60))
            : outcome === 'cancelled'
              ? addDays(inspectedOn, ir.int(10, 40))
              : null;
      followUps.push({
        id: uuid('InspectionFollowUp', `${key}/${seq}`),
        inspectionId: id,
        seq,
        action: ir.pick(ACTIONS),
        owner: ir.pick(OWNERS),
        dueOn,
        status: outcome === 'open' ? 'OPEN' : outcome === 'cancelled' ? 'CANCELLED' : 'DONE',
        closedOn,
        note: outcome === 'cancelled' ? 'Không còn cần thiết sau khi sáp nhập tổ' : null,
        placeCodes: [...placeCodes],
        setOn: inspectedOn,
      });
    }
  };
  for (const commune of communes) {
    addInspection(
      `${commune.code}/unit`,
      commune,
      { subjectKind: 'UNIT', residentialAreaId: null, modelId: null, teamId: null },
      'PLANNED',
      commune.placeCodes,
    );
    const areas = commune.areas;
    if (areas.length && ir.chance(0.35)) {
      const area = ir.pick(areas);
      const model = area.models[0];
      if (model)
        addInspection(
          `${commune.code}/model`,
          commune,
          { subjectKind: 'MODEL', residentialAreaId: area.id, modelId: model, teamId: null },
          'THEMATIC',
          area.placeCodes,
        );
    }
    const teams = commune.teams;
    if (teams.length && ir.chance(0.2)) {
      const t = ir.pick(teams);
      teamFrom.set(t.id, t.inspectableFrom);
      addInspection(
        `${commune.code}/team`,
        commune,
        { subjectKind: 'SECURITY_TEAM', residentialAreaId: t.areaId, modelId: null, teamId: t.id },
        'UNANNOUNCED',
        t.placeCodes,
      );
    }
  }
  // No inspection of a team is planned before it can be inspected (teams start 2024-07-01, Law 30/2023/QH15).
  for (const i of inspections) {
    const from = i.teamId === null ? undefined : teamFrom.get(i.teamId);
    if (from !== undefined && i.plannedOn < from) i.plannedOn = from;
  }
  for (const i of inspections) if (i.inspectedOn !== null && i.inspectedOn < i.plannedOn) i.inspectedOn = i.plannedOn;
  const inspectionById = new Map(inspections.map((i) => [i.id, i]));
  for (const f of followUps) {
    const i = inspectionById.get(f.inspectionId)!;
    if (f.setOn < i.inspectedOn!) {
      const shift = Math.round((Date.parse(i.inspectedOn!) - Date.parse(f.setOn)) / 86_400_000);
      f.setOn = i.inspectedOn!;
      f.dueOn = addDays(f.dueOn, shift);
      if (f.closedOn) f.closedOn = addDays(f.closedOn, shift);
    }
  }

  // --- Outreach ---------------------------------------------------------------------------
  const or = o.random.outreach;
  const outreach: OutreachRow[] = [];
  const audiences = (): OutreachAudience[] => {
    const first = or.weighted(AUDIENCE_WEIGHTS);
    const second = or.chance(0.3) ? or.weighted(AUDIENCE_WEIGHTS) : first;
    return [...new Set([first, second])];
  };
  const partners = (form: OutreachForm, border: boolean): PartnerKind[] => {
    const out = new Set<PartnerKind>();
    if (form === 'FESTIVAL_DAY' || or.chance(0.5)) out.add('FATHERLAND_FRONT');
    if (or.chance(0.3)) out.add('YOUTH_UNION');
    if (or.chance(0.25)) out.add('WOMENS_UNION');
    if (or.chance(0.12)) out.add('VETERANS_ASSOCIATION');
    if (or.chance(0.08)) out.add('FARMERS_ASSOCIATION');
    if (form === 'FESTIVAL_DAY' ? or.chance(0.4) : or.chance(0.05)) out.add('ARMY');
    if (border && or.chance(0.3)) out.add('BORDER_GUARD');
    return [...out];
  };
  for (const commune of communes) {
    const areas = commune.areas;
    const add = (key: string, heldOn: Day, form: OutreachForm, inArea: boolean) => {
      const area = inArea && areas.length ? or.pick(areas) : null;
      const [lo, hi] = REACH[form];
      const audience = form === 'FESTIVAL_DAY' ? (['RESIDENTS'] as OutreachAudience[]) : audiences();
      outreach.push({
        id: uuid('OutreachActivity', `${commune.code}/${key}`),
        ...filedUnder(commune, area),
        heldOn,
        form,
        audiences: audience,
        participants: or.int(lo, hi),
        partners: partners(form, commune.border),
        topic: or.pick(TOPICS[form]),
        datasetId,
      });
    };
    const n = or.int(6, 14);
    for (let i = 0; i < n; i++) {
      const form = or.weighted(FORM_WEIGHTS);
      add(`${year}/${i + 1}`, or.date(`${year}-01-05`, yearEnd), form, form === 'MEETING' || form === 'DOOR_TO_DOOR' || or.chance(0.3));
    }
    // The festival day: on 19 August in most communes, in the days before it in the others.
    if (or.chance(0.9))
      add(`${year}/festival`, or.chance(0.75) ? festivalDayOf(year) : addDays(festivalDayOf(year), -or.int(1, 12)), 'FESTIVAL_DAY', true);
    if (o.sessionsAround) {
      add(`${year - 1}/1`, or.date(`${year - 1}-09-01`, `${year - 1}-12-31`), or.weighted(FORM_WEIGHTS), false);
      add(`${year + 1}/1`, or.date(`${year + 1}-01-02`, `${year + 1}-05-31`), or.weighted(FORM_WEIGHTS), false);
    }
  }

  // --- Re-integration cases -----------------------------------------------------------------
  const rr = o.random.reintegration;
  const reintegration: ReintegrationDraft[] = [];
  const chosen = rr.shuffle(communes).slice(0, Math.min(o.reintegrationCommunes, communes.length));
  for (const commune of chosen.sort((a, b) => a.code.localeCompare(b.code))) {
    const areas = commune.areas;
    const cases = rr.int(1, 2);
    for (let k = 1; k <= cases; k++) {
      const key = `${commune.code}/${k}`;
      const id = uuid('ReintegrationCase', key);
      const area = areas.length ? rr.pick(areas) : null;
      const returnedOn = rr.date(o.returnedFrom, `${year}-10-31`);
      const female = rr.chance(0.12);
      const age = rr.int(19, 48);
      const birthDate = rr.date(`${Number(returnedOn.slice(0, 4)) - age - 1}-01-01`, `${Number(returnedOn.slice(0, 4)) - age - 1}-12-31`);
      const byear = Number(birthDate.slice(0, 4));
      const citizenId = `000${(byear >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(byear % 100).padStart(2, '0')}${String(900_000 + o.citizenSerial()).padStart(6, '0')}`;
      const fate = rr.weighted<ReintegrationStatus>({ ONGOING: 55, COMPLETED: 30, REOFFENDED: 7, MOVED_AWAY: 8 });
      const closedOn =
        fate === 'ONGOING'
          ? null
          : (() => {
              const d = addDays(returnedOn, rr.int(180, 720));
              return d > o.until ? o.until : d;
            })();
      const status: ReintegrationStatus = fate;
      const areaName = rr.pick(PLACE_NAMES);
      const mentors: ReintegrationDraft['mentors'] = [
        { id: uuid('ReintegrationMentor', `${key}/1`), kind: 'FAMILY', name: personName(rr, true), assignedOn: returnedOn },
        {
          id: uuid('ReintegrationMentor', `${key}/2`),
          kind: rr.pick<MentorKind>(['ORGANIZATION', 'SECURITY_TEAM', 'POLICE']),
          name: rr.pick(['Hội Cựu chiến binh ấp', 'Tổ bảo vệ an ninh, trật tự', 'Công an xã', 'Chi đoàn thanh niên']),
          assignedOn: returnedOn,
        },
      ];
      const notes: ReintegrationDraft['notes'] = [];
      const last = closedOn ?? o.until;
      for (let d = addDays(returnedOn, 30), i = 1; d <= last && i <= 6; d = addDays(d, rr.int(80, 100)), i++) {
        notes.push({
          id: uuid('ReintegrationNote', `${key}/${i}`),
          notedOn: d,
          text: i === 1 ? NOTES[0]! : rr.pick(NOTES.slice(1)),
          author: o.noteAuthor(commune),
        });
      }
      reintegration.push({
        id,
        ...filedUnder(commune, area),
        returnedOn,
        status,
        closedOn,
        datasetId,
        person: {
          fullName: personName(rr, female),
          birthDate,
          citizenId,
          address: `Số ${rr.int(1, 250)}, ấp ${areaName}, ${commune.fullName.charAt(0).toLocaleLowerCase('vi')}${commune.fullName.slice(1)}`,
        },
        offence: rr.pick(OFFENCES),
        mentors,
        notes,
      });
    }
  }
  return { inspections, followUps, outreach, reintegration };
}

/** The rows of re-integration cases, their personal data sealed with `seal` (bound to each record and column). */
export function sealReintegration(
  drafts: readonly ReintegrationDraft[],
  seal: Seal,
): { cases: ReintegrationCaseRow[]; mentors: ReintegrationMentorRow[]; notes: ReintegrationNoteRow[] } {
  return {
    cases: drafts.map(({ person, offence, mentors: _m, notes: _n, ...c }) => ({
      ...c,
      personCiphertext: seal(JSON.stringify(person), sealedContext.reintegrationPerson(c.id)),
      offenceCiphertext: seal(offence, sealedContext.reintegrationOffence(c.id)),
    })),
    mentors: drafts.flatMap((c) => c.mentors.map((m) => ({ ...m, caseId: c.id }))),
    notes: drafts.flatMap((c) =>
      c.notes.map(({ text, ...n }) => ({ ...n, caseId: c.id, bodyCiphertext: seal(text, sealedContext.reintegrationNote(n.id)) })),
    ),
  };
}
