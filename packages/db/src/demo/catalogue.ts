/**
 * The fixed parts of the demo: which province and date it shows, Bình Phước's catalogue
 * of 14 model types, and the team-size rule its security teams follow.
 */
import type { HostKind, IsoDate, ModelCategory, TeamSizePack } from '@antq/core';

/** The seed `seedDemo` uses when none is given. */
export const DEMO_SEED = 866;

/** The province the demo shows, as it was before the 2025-07-01 reform: Tỉnh Bình Phước. */
export const DEMO_PROVINCE_CODE = '70';

/** The date the demo's figures are for: every residential area is covered on it. */
export const DEMO_AS_OF: IsoDate = '2024-12-31';

/** Residential areas the demo creates (the provincial report's "866/866"). */
export const DEMO_RESIDENTIAL_AREAS = 866;

/** Security teams exist from this day (Law 30/2023/QH15 takes effect). */
export const SECURITY_TEAMS_FROM: IsoDate = '2024-07-01';

/** A model is rated only after this many days active (a parameter: no national figure is known). */
export const DEMO_MODEL_RATING_MINIMUM_DAYS = 180;

/**
 * The first yearly team evaluation the demo records: 2025 (15 Nov 2024 – 14 Nov 2025).
 * Teams formed from 2024-07-01 were active under 9 months in the 2024 period, so Guidance
 * 01/HD-BCA-V05 allows them no 2024 rating (and core's teamEvaluationInput starts at 2025).
 */
export const DEMO_TEAM_EVALUATION_YEAR = 2025;

/** The code of the demo's provincial catalogue. */
export const DEMO_CATALOGUE_CODE = 'BINH-PHUOC';

/** A model type of the demo catalogue. */
export interface DemoModelType {
  readonly code: string;
  readonly name: string;
  readonly category: ModelCategory;
  readonly hostKinds: readonly HostKind[];
}

/**
 * Bình Phước's 14 kinds of model: the five the provincial report names first, then others
 * DOMAIN.md lists as often reported, and a border one (Bình Phước borders Cambodia).
 */
export const DEMO_MODEL_TYPES = [
  { code: 'TO_AN_NINH_NHAN_DAN', name: 'Tổ an ninh nhân dân', category: 'CRIME_PREVENTION', hostKinds: ['RESIDENTIAL_AREA'] },
  { code: 'DOI_DAN_PHONG', name: 'Đội dân phòng', category: 'FIRE_PREVENTION', hostKinds: ['RESIDENTIAL_AREA', 'COMMUNE'] },
  {
    code: 'TO_XUNG_KICH',
    name: 'Tổ xung kích phòng, chống tội phạm',
    category: 'CRIME_PREVENTION',
    hostKinds: ['RESIDENTIAL_AREA', 'COMMUNE'],
  },
  { code: 'DOI_XE_OM_TU_QUAN', name: 'Đội xe ôm tự quản', category: 'TRAFFIC_ORDER', hostKinds: ['RESIDENTIAL_AREA', 'COMMUNE'] },
  {
    code: 'KDC_KHONG_TOI_PHAM',
    name: 'Khu dân cư không có tội phạm ẩn náu hoạt động',
    category: 'CRIME_PREVENTION',
    hostKinds: ['RESIDENTIAL_AREA'],
  },
  { code: 'CAMERA_AN_NINH', name: 'Camera an ninh', category: 'CRIME_PREVENTION', hostKinds: ['RESIDENTIAL_AREA', 'ORGANIZATION'] },
  { code: 'TO_LIEN_GIA_TU_QUAN', name: 'Tổ liên gia tự quản', category: 'SELF_MANAGEMENT', hostKinds: ['RESIDENTIAL_AREA'] },
  { code: 'DONG_HO_TU_QUAN', name: 'Dòng họ tự quản về ANTT', category: 'SELF_MANAGEMENT', hostKinds: ['RESIDENTIAL_AREA'] },
  { code: 'TO_HOA_GIAI', name: 'Tổ hòa giải ở cơ sở', category: 'MEDIATION', hostKinds: ['RESIDENTIAL_AREA'] },
  { code: 'GIAO_XU_BINH_YEN', name: 'Giáo xứ bình yên', category: 'RELIGION', hostKinds: ['RESIDENTIAL_AREA'] },
  { code: 'CHO_AN_TOAN', name: 'Chợ an toàn về ANTT', category: 'ECONOMY', hostKinds: ['RESIDENTIAL_AREA', 'COMMUNE'] },
  { code: 'TIENG_KENG_AN_NINH', name: 'Tiếng kẻng an ninh', category: 'CRIME_PREVENTION', hostKinds: ['RESIDENTIAL_AREA'] },
  { code: 'DOANH_NGHIEP_AN_TOAN', name: 'Doanh nghiệp an toàn về ANTT', category: 'ECONOMY', hostKinds: ['ORGANIZATION'] },
  {
    code: 'TU_QUAN_DUONG_BIEN',
    name: 'Tổ tự quản đường biên, mốc quốc giới',
    category: 'SELF_MANAGEMENT',
    hostKinds: ['RESIDENTIAL_AREA'],
  },
] as const satisfies readonly DemoModelType[];

/** The code of one of the demo's model types. */
export type DemoModelTypeCode = (typeof DEMO_MODEL_TYPES)[number]['code'];

/**
 * The team-size rule the demo's security teams follow. ILLUSTRATIVE: Bình Phước's own
 * resolution is not in our sources, so this pack (households, in the shape of Hậu Giang's
 * draft) is made up for the demo, marked DRAFT, and stored with the dataset's parameters.
 */
export const DEMO_TEAM_SIZE_PACK: TeamSizePack = {
  provinceCode: DEMO_PROVINCE_CODE,
  provinceName: 'Tỉnh Bình Phước',
  source: 'Minh họa cho dữ liệu mẫu, không phải văn bản của HĐND tỉnh (illustrative, for the demo data only)',
  status: 'DRAFT',
  effective: { from: SECURITY_TEAMS_FROM, to: '2025-06-30' },
  basis: 'HOUSEHOLDS',
  tiers: [
    { upTo: 399, members: 3 },
    { upTo: 799, members: 4 },
    { upTo: null, members: 5 },
  ],
};
