/**
 * The fixed parts of the national-scale data: how much of everything there is at scale 1,
 * the dates it spans, the national catalogue, the team-size rules and the word lists of
 * residential areas and tips. Figures at scale 1 follow the issue (about 100,000
 * residential areas, 150,000 models over the lifecycle, 120,000 replication points,
 * 100,000 security teams with 400,000 members).
 */
import {
  HAU_GIANG_TEAM_SIZE,
  DAK_LAK_TEAM_SIZE,
  HO_CHI_MINH_CITY_TEAM_SIZE,
  type IsoDate,
  type ResidentialAreaKind,
  type TeamSizePack,
  type TipCategory,
} from '@antq/core';
import { DEMO_MODEL_TYPES, SECURITY_TEAMS_FROM, type DemoModelType } from '../demo/catalogue.js';
import type { LifecycleWindow } from '../generator/lifecycle.js';

/** The seed `seedNational` uses when none is given. */
export const NATIONAL_SEED = 3321;

/** Residential areas at scale 1 (the issue: "about 100,000 residential areas"). */
export const NATIONAL_AREAS_AT_SCALE_1 = 100_000;

/** The last day of the era before the two-level government: the "2024" communes the areas are spread over. */
export const OLD_ERA_LAST_DAY: IsoDate = '2025-06-30';

/** The date the figures are for: every lifecycle, evaluation and tip ends on or before it. */
export const NATIONAL_AS_OF: IsoDate = '2025-12-31';

/** Years of yearly model evaluations (Dec of each year). */
export const MODEL_EVALUATION_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** Years of inspections, outreach and re-integration cases (those of the model evaluations). */
export const ACTIVITY_YEARS = MODEL_EVALUATION_YEARS;

/**
 * Years of key areas, exemplars and commendations: those of the five while districts stood
 * (their awards end with them on 2025-07-01, and 2025's are decided in August).
 */
export const RECOGNITION_YEARS = [2021, 2022, 2023, 2024] as const;

/**
 * Years of team evaluations (Guidance 01/HD-BCA-V05: year N runs 15 Nov N−1 – 14 Nov N).
 * Teams exist from 2024-07-01 (Law 30/2023/QH15), so the 2024 period gave them under the
 * 9 months required; 2025 is the only period of the five years that can rate them.
 */
export const TEAM_EVALUATION_YEARS = [2025] as const;

/** Tips cover these days. */
export const TIPS_FROM: IsoDate = '2021-01-01';
export const TIPS_TO: IsoDate = NATIONAL_AS_OF;

/** A model is rated only after this many days active (as the demo). */
export const NATIONAL_MODEL_RATING_MINIMUM_DAYS = 180;

/** The dates of the national models' lifecycles. */
export const NATIONAL_LIFECYCLE_WINDOW: LifecycleWindow = {
  asOf: NATIONAL_AS_OF,
  firstProposal: '2019-01-01',
  lastProposal: '2025-06-30',
  inProgressFrom: '2025-06-01',
  inProgressTo: '2025-11-30',
  latestChange: '2025-12-20',
  resumeBy: '2025-12-15',
  suspendFrom: '2024-01-01',
};

/** The code of the national catalogue the generated models use. */
export const NATIONAL_CATALOGUE_CODE = 'NATIONAL-GENERATED';

/**
 * The national catalogue: the kinds of model DOMAIN.md lists as reported across the country
 * (the demo's 14, the border one kept for border provinces) and a school one.
 */
export const NATIONAL_MODEL_TYPES = [
  ...DEMO_MODEL_TYPES,
  { code: 'TRUONG_HOC_AN_TOAN', name: 'Trường học an toàn về ANTT', category: 'OTHER', hostKinds: ['ORGANIZATION'] },
] as const satisfies readonly DemoModelType[];

export type NationalModelTypeCode = (typeof NATIONAL_MODEL_TYPES)[number]['code'];

/**
 * Provinces (codes before 2025-07-01) with a land border, where "Tổ tự quản đường biên,
 * mốc quốc giới" models are built and team members may have primary education only.
 */
export const BORDER_PROVINCES = new Set([
  '02',
  '04',
  '10',
  '11',
  '12',
  '14',
  '20',
  '22',
  '38',
  '40',
  '42',
  '44',
  '45',
  '46',
  '49',
  '62',
  '64',
  '66',
  '67',
  '70',
  '72',
  '80',
  '87',
  '89',
  '91',
]);

/** Northern mountain provinces (codes before 2025-07-01), where villages are often bản. */
const NORTHERN_MOUNTAIN = new Set(['02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '24', '25']);
/** The Central Highlands, where villages are often buôn (plôi, bon). */
const CENTRAL_HIGHLANDS = new Set(['62', '64', '66', '67', '68']);
/** Provinces of the Mekong delta with Khmer communities, where some hamlets are sóc or phum. */
const KHMER_DELTA = new Set(['84', '89', '91', '94', '95']);

/** Mountain, border or ethnic-minority provinces: Law 30/2023/QH15 accepts primary education there. */
export const LOWER_EDUCATION_PROVINCES = new Set([...BORDER_PROVINCES, ...NORTHERN_MOUNTAIN, ...CENTRAL_HIGHLANDS]);

/** The kinds of residential area of a province (code before 2025-07-01), rural and urban, with weights. */
export function areaKindsOf(provinceCode: string, urban: boolean): Partial<Record<ResidentialAreaKind, number>> {
  const south = Number(provinceCode) >= 70;
  if (urban) return south ? { KHU_PHO: 85, KHOM: KHMER_DELTA.has(provinceCode) ? 15 : 0 } : { TO_DAN_PHO: 100 };
  if (NORTHERN_MOUNTAIN.has(provinceCode)) return { BAN: 45, THON: 45, XOM: 10 };
  if (CENTRAL_HIGHLANDS.has(provinceCode)) return { THON: 60, BUON: 35, LANG: 5 };
  if (KHMER_DELTA.has(provinceCode)) return { AP: 80, SOC: 15, PHUM: 5 };
  if (south) return { AP: 100 };
  return { THON: 85, XOM: 10, LANG: 5 };
}

/** How a kind of residential area is written before its name. */
export const AREA_LABELS: Readonly<Record<ResidentialAreaKind, string>> = {
  THON: 'Thôn',
  LANG: 'Làng',
  AP: 'Ấp',
  BAN: 'Bản',
  BUON: 'Buôn',
  PHUM: 'Phum',
  SOC: 'Sóc',
  XOM: 'Xóm',
  KHOM: 'Khóm',
  TO_DAN_PHO: 'Tổ dân phố',
  KHU_PHO: 'Khu phố',
};

/**
 * The team-size rule of a province (code before 2025-07-01) for the generated teams: the
 * packs core ships (Hồ Chí Minh City, Hậu Giang, Đắk Lắk) where they apply, else an
 * ILLUSTRATIVE pack (households, marked DRAFT): no other province's resolution is in our
 * sources. The packs used are stored with the dataset's parameters.
 */
export function teamSizePackOf(provinceCode: string, provinceName: string): TeamSizePack {
  const real = [HO_CHI_MINH_CITY_TEAM_SIZE, HAU_GIANG_TEAM_SIZE, DAK_LAK_TEAM_SIZE].find((p) => p.provinceCode === provinceCode);
  if (real) return real;
  return {
    provinceCode,
    provinceName,
    source: 'Minh họa cho dữ liệu sinh toàn quốc, không phải văn bản của HĐND tỉnh (illustrative, for generated data only)',
    status: 'DRAFT',
    effective: { from: SECURITY_TEAMS_FROM, to: null },
    basis: 'HOUSEHOLDS',
    tiers: [
      { upTo: 249, members: 3 },
      { upTo: 499, members: 4 },
      { upTo: null, members: 5 },
    ],
  };
}

/** What a resident reports, by category: `{area}` and `{commune}` are filled in. */
export const TIP_TEXTS: Readonly<Record<TipCategory, readonly string[]>> = {
  DRUGS: [
    'Tại {area}, {commune} thường có nhóm thanh niên lạ tụ tập vào ban đêm, nghi sử dụng trái phép chất ma túy.',
    'Một căn nhà trong {area}, {commune} có nhiều người ra vào bất thường, nghi mua bán trái phép chất ma túy.',
  ],
  THEFT: [
    'Đêm qua ở {area}, {commune} có hai hộ bị mất trộm xe máy; người dân nghi một nhóm đi xe không biển số.',
    'Trộm cắp gia súc xảy ra liên tiếp trong tháng tại {area}, {commune}.',
  ],
  GAMBLING: [
    'Có tụ điểm đánh bạc ăn tiền vào các buổi chiều tại một quán nước trong {area}, {commune}.',
    'Nhóm người tổ chức ghi lô, số đề tại {area}, {commune}.',
  ],
  VIOLENCE: [
    'Xảy ra ẩu đả giữa hai nhóm thanh niên tại {area}, {commune}, có người bị thương.',
    'Một hộ gia đình trong {area}, {commune} thường xuyên có tiếng cãi vã, đánh đập, nghi bạo lực gia đình.',
  ],
  FRAUD: [
    'Nhiều người trong {area}, {commune} bị gọi điện giả danh cơ quan chức năng yêu cầu chuyển tiền.',
    'Một người lạ đến {area}, {commune} vận động góp vốn với lãi suất cao bất thường, nghi lừa đảo.',
  ],
  SMUGGLING: [
    'Có xe tải chở hàng không rõ nguồn gốc ra vào kho tại {area}, {commune} vào ban đêm.',
    'Nghi vận chuyển thuốc lá lậu qua {area}, {commune}.',
  ],
  PUBLIC_ORDER: [
    'Nhóm thanh niên chạy xe máy tốc độ cao, lạng lách, gây mất trật tự tại {area}, {commune}.',
    'Quán karaoke trong {area}, {commune} hoạt động quá giờ, gây ồn ào và mất trật tự.',
  ],
  NATIONAL_SECURITY: [
    'Có người lạ đến {area}, {commune} phát tài liệu có nội dung xuyên tạc, kích động.',
    'Phát hiện người tuyên truyền đạo trái pháp luật tại {area}, {commune}.',
  ],
  OTHER: [
    'Người dân {area}, {commune} phản ánh có đối tượng lạ thường xuyên quan sát các nhà trong khu vực.',
    'Phát hiện vật nghi là vật liệu nổ tại bãi đất trống trong {area}, {commune}.',
  ],
};

/** What an officer writes back, and what an informant adds. */
export const TIP_OFFICER_MESSAGES = [
  'Công an xã đã tiếp nhận tin báo, cảm ơn bạn. Bạn có thể cho biết thêm thời gian cụ thể không?',
  'Chúng tôi đã cử cán bộ xác minh. Thông tin của bạn được giữ bí mật.',
  'Vụ việc đã được chuyển cơ quan có thẩm quyền giải quyết.',
];
export const TIP_INFORMANT_MESSAGES = [
  'Thường vào khoảng 21 giờ đến 23 giờ các ngày cuối tuần.',
  'Tôi thấy thêm một xe ô tô màu trắng đỗ trước nhà đó.',
  'Tình hình vẫn tiếp diễn, đề nghị công an sớm xử lý.',
];
