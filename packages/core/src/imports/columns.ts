/**
 * The columns of each kind of spreadsheet the movement imports: residential areas, models,
 * security-team members. One definition serves the reader (which header names a column,
 * how its cells are read), the templates (headers, an example row, a guide to each column)
 * and front ends that check a file before sending it.
 */
import {
  EDUCATION_LEVEL_LABELS,
  MODEL_BUILDER_LABELS,
  RESIDENTIAL_AREA_KIND_LABELS,
  SERIOUS_EVENT_KIND_LABELS,
  TEAM_ROLE_LABELS,
  type Label,
} from '../labels.js';
import type { EducationLevel, TeamRole } from '../entities/enums.js';
import { choice, count, date, digits, measure, phoneText, text, yesNo, type CellParser } from './cells.js';

/** The kinds of spreadsheet that can be imported. */
export const IMPORT_KINDS = ['RESIDENTIAL_AREAS', 'MODELS', 'TEAM_MEMBERS', 'ASSESSMENTS', 'GRADINGS'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, Label>> = {
  RESIDENTIAL_AREAS: { vi: 'Khu dân cư', en: 'Residential areas' },
  MODELS: { vi: 'Mô hình', en: 'Models' },
  TEAM_MEMBERS: { vi: 'Thành viên tổ bảo vệ an ninh, trật tự', en: 'Security-team members' },
  ASSESSMENTS: { vi: 'Kết quả công nhận "An toàn về ANTT"', en: 'Recognition decisions ("safe in security and order")' },
  GRADINGS: { vi: 'Kết quả xếp loại phong trào', en: 'Grading decisions (the movement’s levels)' },
};

export interface ColumnSpec<T> {
  /** The header the template writes: Vietnamese (as provinces write it) and English. */
  readonly header: Label;
  /** Other headers provinces use for it. */
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly parse: CellParser<T>;
  /** What goes in it, for the template's guide. */
  readonly help: Label;
  /** The template's example, as a user would type it. */
  readonly example: string;
  /** The values it accepts, for the guide (choices only). */
  readonly choices?: Readonly<Record<string, Label>>;
}

const column = <T>(spec: ColumnSpec<T>): ColumnSpec<T> => spec;
const choicesHelp = (labels: Readonly<Record<string, Label>>): Label => ({
  vi: Object.values(labels)
    .map((l) => l.vi)
    .join('; '),
  en: Object.values(labels)
    .map((l) => l.en)
    .join('; '),
});

const communeCode = column({
  header: { vi: 'Mã xã', en: 'Commune code' },
  aliases: ['Mã xã, phường', 'Mã đơn vị hành chính', 'Mã ĐVHC', 'Mã phường', 'Mã xã phường thị trấn', 'communeCode'],
  required: true,
  parse: digits(5),
  help: {
    vi: 'Mã thống kê 5 chữ số của xã, phường, đặc khu (theo danh mục đơn vị hành chính) vào ngày ghi ở dòng đó.',
    en: 'The 5-digit statistical code of the commune on the row’s date.',
  },
  example: '25195',
});

/** Residential areas: one row per area, placed in its commune from its founding date (today if none). */
export const RESIDENTIAL_AREA_COLUMNS = {
  communeCode,
  name: column({
    header: { vi: 'Tên khu dân cư', en: 'Residential area name' },
    aliases: ['Tên thôn, tổ dân phố', 'Tên thôn', 'Tên ấp', 'Khu dân cư', 'name'],
    required: true,
    parse: text,
    help: { vi: 'Tên như thường gọi, không ghi loại (ví dụ "3", "Phú Lâm").', en: 'Its name as used (e.g. "3", "Phú Lâm").' },
    example: 'Ấp 3',
  }),
  kind: column({
    header: { vi: 'Loại khu dân cư', en: 'Kind' },
    aliases: ['Loại', 'Loại hình khu dân cư', 'kind'],
    required: true,
    parse: choice(RESIDENTIAL_AREA_KIND_LABELS),
    help: choicesHelp(RESIDENTIAL_AREA_KIND_LABELS),
    choices: RESIDENTIAL_AREA_KIND_LABELS,
    example: 'Ấp',
  }),
  validFrom: column({
    header: { vi: 'Ngày thành lập', en: 'Founded on' },
    aliases: ['Ngày bắt đầu', 'validFrom'],
    required: false,
    parse: date,
    help: {
      vi: 'Ngày/tháng/năm; để trống là hôm nay. Không được ở tương lai.',
      en: 'Day/month/year; empty means today. Not in the future.',
    },
    example: '01/07/2025',
  }),
  households: column({
    header: { vi: 'Số hộ', en: 'Households' },
    aliases: ['Số hộ gia đình', 'households'],
    required: false,
    parse: count,
    help: { vi: 'Số hộ gia đình (số nguyên).', en: 'Number of households.' },
    example: '412',
  }),
  residents: column({
    header: { vi: 'Số nhân khẩu', en: 'Residents' },
    aliases: ['Nhân khẩu', 'Số dân', 'residents'],
    required: false,
    parse: count,
    help: { vi: 'Số nhân khẩu (số nguyên).', en: 'Number of residents.' },
    example: '1650',
  }),
};

/** Models: one row per model built in a residential area (found by its name in the commune). */
export const MODEL_COLUMNS = {
  communeCode,
  areaName: column({
    header: { vi: 'Tên khu dân cư', en: 'Residential area name' },
    aliases: ['Khu dân cư', 'Tên thôn, tổ dân phố', 'Thôn, tổ dân phố', 'areaName'],
    required: true,
    parse: text,
    help: {
      vi: 'Khu dân cư nơi xây dựng mô hình, đã có trong hệ thống (ghi như tên đã nhập).',
      en: 'The residential area it is built in, already recorded (its name as recorded).',
    },
    example: 'Ấp 3',
  }),
  name: column({
    header: { vi: 'Tên mô hình', en: 'Model name' },
    aliases: ['Mô hình', 'name'],
    required: true,
    parse: text,
    help: { vi: 'Tên của mô hình.', en: 'The model’s name.' },
    example: 'Tổ an ninh nhân dân ấp 3',
  }),
  modelType: column({
    header: { vi: 'Loại mô hình', en: 'Model type' },
    aliases: ['Mã loại mô hình', 'modelType'],
    required: true,
    parse: text,
    help: {
      vi: 'Mã hoặc tên loại mô hình trong danh mục quốc gia hoặc danh mục của tỉnh (ví dụ "Tổ an ninh nhân dân").',
      en: 'The code or name of a model type in the national catalogue or the province’s.',
    },
    example: 'Tổ an ninh nhân dân',
  }),
  foundedOn: column({
    header: { vi: 'Ngày thành lập', en: 'Founded on' },
    aliases: ['Ngày ra mắt', 'Ngày xây dựng', 'foundedOn'],
    required: true,
    parse: date,
    help: {
      vi: 'Ngày/tháng/năm đề xuất xây dựng mô hình. Không được ở tương lai.',
      en: 'Day/month/year it was proposed. Not in the future.',
    },
    example: '15/09/2025',
  }),
  builtBy: column({
    header: { vi: 'Lực lượng xây dựng', en: 'Built by' },
    aliases: ['Đơn vị xây dựng', 'Đơn vị chủ trì', 'builtBy'],
    required: true,
    parse: choice(MODEL_BUILDER_LABELS, {
      'Công an xã': 'POLICE',
      'Công an phường': 'POLICE',
      MTTQ: 'FATHERLAND_FRONT',
      'Mặt trận': 'FATHERLAND_FRONT',
      'Người dân': 'RESIDENTS',
      'Đoàn thể': 'MASS_ORGANIZATION',
    }),
    help: choicesHelp(MODEL_BUILDER_LABELS),
    choices: MODEL_BUILDER_LABELS,
    example: 'Công an',
  }),
  memberCount: column({
    header: { vi: 'Số thành viên', en: 'Members' },
    aliases: ['Số người tham gia', 'memberCount'],
    required: false,
    parse: count,
    help: { vi: 'Số người tham gia, nếu biết.', en: 'Members taking part, when known.' },
    example: '12',
  }),
};

// What provinces write for education: the general-education grades (9/12, 12/12) and the school names.
const EDUCATION_ALIASES: Record<string, EducationLevel> = {
  'Tiểu học': 'PRIMARY',
  '5/12': 'PRIMARY',
  THCS: 'LOWER_SECONDARY',
  'Trung học cơ sở': 'LOWER_SECONDARY',
  '9/12': 'LOWER_SECONDARY',
  THPT: 'UPPER_SECONDARY',
  'Trung học phổ thông': 'UPPER_SECONDARY',
  '12/12': 'UPPER_SECONDARY',
  'Trung cấp': 'POST_SECONDARY',
  'Cao đẳng': 'POST_SECONDARY',
  'Đại học': 'POST_SECONDARY',
};
const ROLE_ALIASES: Record<string, TeamRole> = {
  'Thành viên': 'MEMBER',
  'Tổ viên': 'MEMBER',
  'Phó tổ trưởng': 'DEPUTY',
  Leader: 'LEADER',
  Deputy: 'DEPUTY',
};

/** Security-team members: one row per person joining an existing team (found by its name in the commune). */
export const TEAM_MEMBER_COLUMNS = {
  communeCode,
  teamName: column({
    header: { vi: 'Tên tổ', en: 'Team name' },
    aliases: ['Tên tổ bảo vệ an ninh, trật tự', 'Tổ bảo vệ an ninh, trật tự', 'Tổ', 'teamName'],
    required: true,
    parse: text,
    help: {
      vi: 'Tổ bảo vệ an ninh, trật tự đã thành lập ở xã, phường đó (ghi như tên đã nhập).',
      en: 'A security team already formed in that commune (its name as recorded).',
    },
    example: 'Tổ bảo vệ ANTT ấp 3',
  }),
  fullName: column({
    header: { vi: 'Họ và tên', en: 'Full name' },
    aliases: ['Họ tên', 'fullName'],
    required: true,
    parse: text,
    help: { vi: 'Họ và tên đầy đủ.', en: 'Full name.' },
    example: 'Nguyễn Văn An',
  }),
  birthDate: column({
    header: { vi: 'Ngày sinh', en: 'Date of birth' },
    aliases: ['Ngày, tháng, năm sinh', 'birthDate'],
    required: true,
    parse: date,
    help: { vi: 'Ngày/tháng/năm sinh.', en: 'Day/month/year of birth.' },
    example: '20/05/1980',
  }),
  citizenId: column({
    header: { vi: 'Số CCCD', en: 'Citizen ID' },
    aliases: ['Số căn cước', 'Số căn cước công dân', 'Số định danh cá nhân', 'CCCD', 'citizenId'],
    required: false,
    parse: digits(12),
    help: {
      vi: 'Số căn cước 12 chữ số (nên định dạng ô là Văn bản để giữ số 0 đầu).',
      en: '12-digit citizen identity number (format the cell as Text to keep leading zeros).',
    },
    example: '070080001234',
  }),
  phone: column({
    header: { vi: 'Số điện thoại', en: 'Phone' },
    aliases: ['Điện thoại', 'SĐT', 'phone'],
    required: false,
    parse: phoneText,
    help: { vi: 'Số điện thoại di động hoặc cố định.', en: 'Phone number.' },
    example: '0912345678',
  }),
  address: column({
    header: { vi: 'Địa chỉ', en: 'Address' },
    aliases: ['Nơi cư trú', 'Nơi ở hiện nay', 'address'],
    required: false,
    parse: text,
    help: { vi: 'Nơi cư trú.', en: 'Address.' },
    example: 'Ấp 3',
  }),
  role: column({
    header: { vi: 'Chức vụ', en: 'Role' },
    aliases: ['Chức danh', 'Vai trò', 'role'],
    required: true,
    parse: choice(TEAM_ROLE_LABELS, ROLE_ALIASES),
    help: choicesHelp(TEAM_ROLE_LABELS),
    choices: TEAM_ROLE_LABELS,
    example: 'Tổ viên',
  }),
  joinedOn: column({
    header: { vi: 'Ngày tham gia', en: 'Joined on' },
    aliases: ['Ngày vào tổ', 'Ngày được công nhận', 'joinedOn'],
    required: false,
    parse: date,
    help: {
      vi: 'Ngày/tháng/năm vào tổ; để trống là hôm nay. Không trước ngày tổ thành lập.',
      en: 'Day/month/year they join; empty means today. Not before the team was formed.',
    },
    example: '01/09/2025',
  }),
  education: column({
    header: { vi: 'Trình độ học vấn', en: 'Education' },
    aliases: ['Trình độ văn hóa', 'Học vấn', 'education'],
    required: true,
    parse: choice(EDUCATION_LEVEL_LABELS, EDUCATION_ALIASES),
    help: {
      vi: `${choicesHelp(EDUCATION_LEVEL_LABELS).vi}; hoặc 9/12, 12/12, THCS, THPT.`,
      en: `${choicesHelp(EDUCATION_LEVEL_LABELS).en}; or 9/12, 12/12.`,
    },
    choices: EDUCATION_LEVEL_LABELS,
    example: '12/12',
  }),
  residentSince: column({
    header: { vi: 'Cư trú từ ngày', en: 'Resident since' },
    aliases: ['Ngày bắt đầu cư trú', 'residentSince'],
    required: false,
    parse: date,
    help: {
      vi: 'Ngày bắt đầu cư trú ở địa bàn; để trống là không cư trú ở đó.',
      en: 'Since when they have lived there; empty means not resident.',
    },
    example: '01/01/2000',
  }),
  cleanRecord: column({
    header: { vi: 'Lý lịch rõ ràng', en: 'Clean record' },
    aliases: ['Không có án tích', 'Lý lịch', 'cleanRecord'],
    required: true,
    parse: yesNo,
    help: { vi: 'Có / Không: lý lịch rõ ràng, không có án tích.', en: 'Yes / No: a clean record.' },
    example: 'Có',
  }),
  hasHealthCertificate: column({
    header: { vi: 'Có giấy khám sức khỏe', en: 'Health certificate' },
    aliases: ['Giấy khám sức khỏe', 'Đủ sức khỏe', 'hasHealthCertificate'],
    required: true,
    parse: yesNo,
    help: { vi: 'Có / Không: có giấy chứng nhận đủ sức khỏe.', en: 'Yes / No: a health certificate.' },
    example: 'Có',
  }),
  over70ApprovedByCommuneChairman: column({
    header: { vi: 'Trên 70 tuổi được Chủ tịch UBND xã chấp thuận', en: 'Over 70, approved by the commune chairman' },
    aliases: ['Chủ tịch UBND xã chấp thuận', 'over70ApprovedByCommuneChairman'],
    required: false,
    parse: yesNo,
    help: { vi: 'Có / Không (chỉ với người trên 70 tuổi); để trống là Không.', en: 'Yes / No (only for people over 70); empty means No.' },
    example: 'Không',
  }),
};

const dateColumn = (header: Label, aliases: string[], help: Label, example: string) =>
  column({ header, aliases, required: false, parse: date, help, example });

/**
 * Recognition decisions of a year (TT 124/2021), as the deciding level recorded them on paper:
 * one row per residential area (by its name in the commune) or, with no area, the commune
 * itself; its facts, judged again by core, and the decision.
 */
export const ASSESSMENT_COLUMNS = {
  year: column({
    header: { vi: 'Năm', en: 'Year' },
    aliases: ['Năm đánh giá', 'year'],
    required: true,
    parse: count,
    help: { vi: 'Năm được đánh giá (từ 2022).', en: 'The year assessed (2022 on).' },
    example: '2024',
  }),
  communeCode: column({
    ...communeCode,
    help: { vi: 'Mã 5 chữ số của xã, phường vào năm được đánh giá.', en: 'The commune’s 5-digit code in the year assessed.' },
    example: '25195',
  }),
  areaName: column({
    header: { vi: 'Tên khu dân cư', en: 'Residential area name' },
    aliases: ['Khu dân cư', 'Tên thôn, tổ dân phố', 'areaName'],
    required: false,
    parse: text,
    help: {
      vi: 'Khu dân cư được đánh giá (như tên đã nhập); để trống là chính xã, phường.',
      en: 'The residential area assessed (its name as recorded); empty for the commune itself.',
    },
    example: 'Ấp 3',
  }),
  resolutionOn: dateColumn(
    { vi: 'Ngày nghị quyết', en: 'Resolution on' },
    ['Nghị quyết', 'resolutionOn'],
    { vi: 'Ngày nghị quyết về phong trào (quý I).', en: 'The resolution on the movement (first quarter).' },
    '15/02/2024',
  ),
  planOn: dateColumn(
    { vi: 'Ngày kế hoạch', en: 'Plan on' },
    ['Kế hoạch', 'planOn'],
    { vi: 'Xã, phường: ngày kế hoạch (quý I).', en: 'Communes: the plan (first quarter).' },
    '',
  ),
  registeredOn: dateColumn(
    { vi: 'Ngày đăng ký thi đua', en: 'Registered on' },
    ['Đăng ký thi đua', 'registeredOn'],
    { vi: 'Ngày đăng ký thi đua (quý I).', en: 'The registration to compete (first quarter).' },
    '01/03/2024',
  ),
  households: column({
    header: { vi: 'Số hộ', en: 'Households' },
    aliases: ['Số hộ gia đình', 'households'],
    required: true,
    parse: count,
    help: { vi: 'Số hộ gia đình.', en: 'Households.' },
    example: '412',
  }),
  householdsRegistered: column({
    header: { vi: 'Số hộ đăng ký', en: 'Households registered' },
    aliases: ['Hộ đăng ký thực hiện', 'householdsRegistered'],
    required: true,
    parse: count,
    help: { vi: 'Số hộ đăng ký thực hiện.', en: 'Households registered to take part.' },
    example: '412',
  }),
  policiesImplemented: column({
    header: { vi: 'Thực hiện tốt chính sách, pháp luật', en: 'Policies implemented' },
    aliases: ['Chính sách, pháp luật', 'policiesImplemented'],
    required: true,
    parse: yesNo,
    help: { vi: 'Có / Không.', en: 'Yes / No.' },
    example: 'Có',
  }),
  seriousEvent: column({
    header: { vi: 'Vụ việc nghiêm trọng', en: 'Serious event' },
    aliases: ['Vụ việc', 'seriousEvent'],
    required: false,
    parse: choice(SERIOUS_EVENT_KIND_LABELS),
    help: {
      vi: `Để trống nếu không có; nếu có: ${choicesHelp(SERIOUS_EVENT_KIND_LABELS).vi}`,
      en: `Empty when none; else: ${choicesHelp(SERIOUS_EVENT_KIND_LABELS).en}`,
    },
    choices: SERIOUS_EVENT_KIND_LABELS,
    example: '',
  }),
  effectiveModels: column({
    header: { vi: 'Số mô hình hiệu quả', en: 'Effective models' },
    aliases: ['Mô hình hiệu quả', 'effectiveModels'],
    required: false,
    parse: count,
    help: { vi: 'Xã, phường: số mô hình hoạt động hiệu quả trong năm.', en: 'Communes: models evaluated effective in the year.' },
    example: '',
  }),
  policeDisciplined: column({
    header: { vi: 'Số cán bộ Công an xã bị kỷ luật', en: 'Commune police disciplined' },
    aliases: ['Cán bộ bị kỷ luật', 'policeDisciplined'],
    required: false,
    parse: count,
    help: {
      vi: 'Xã, phường: số cán bộ Công an xã bị kỷ luật trong năm.',
      en: 'Communes: commune police officers disciplined in the year.',
    },
    example: '',
  }),
  decisionNumber: column({
    header: { vi: 'Số quyết định', en: 'Decision number' },
    aliases: ['Quyết định số', 'decisionNumber'],
    required: true,
    parse: text,
    help: { vi: 'Số quyết định công nhận (hoặc không công nhận).', en: 'The decision’s number.' },
    example: '215/QĐ-UBND',
  }),
  decisionDate: column({
    header: { vi: 'Ngày quyết định', en: 'Decision date' },
    aliases: ['Ngày ký', 'decisionDate'],
    required: true,
    parse: date,
    help: {
      vi: 'Ngày/tháng/năm; không ở tương lai, không trước năm được đánh giá.',
      en: 'Day/month/year; not in the future, nor before the year assessed.',
    },
    example: '10/12/2024',
  }),
  decisionIssuer: column({
    header: { vi: 'Cơ quan ban hành', en: 'Issued by' },
    aliases: ['Cơ quan ra quyết định', 'decisionIssuer'],
    required: true,
    parse: text,
    help: {
      vi: 'Ủy ban nhân dân xã (khu dân cư) hoặc tỉnh (xã, phường).',
      en: 'The commune’s people’s committee (residential areas) or the province’s (communes).',
    },
    example: 'Ủy ban nhân dân phường Bình Phước',
  }),
};

/** The columns of each kind. */
/** The unit assessed and the decision, as a grading's rows give them (the first columns and the last of a recognition's). */
const { year, communeCode: assessedCommune, areaName, decisionNumber, decisionDate, decisionIssuer } = ASSESSMENT_COLUMNS;

/**
 * Grading decisions of a year (QĐ 510/QĐ-BCA-V05), as the deciding level recorded them on
 * paper: one row per criterion of the configuration in force for the unit, the rows of one
 * unit (a residential area by its name, or the commune itself) giving the same decision.
 * Core computes the points and the level again from the measures.
 */
export const GRADING_COLUMNS = {
  year,
  communeCode: assessedCommune,
  areaName,
  criterion: column({
    header: { vi: 'Mã tiêu chí', en: 'Criterion code' },
    aliases: ['Tiêu chí', 'criterion'],
    required: true,
    parse: text,
    help: {
      vi: 'Mã tiêu chí trong cấu hình xếp loại của năm (xem gradingConfigurations), mỗi tiêu chí một dòng.',
      en: 'The criterion’s code in the year’s grading configuration (see gradingConfigurations), one row each.',
    },
    example: 'Q1_RESOLUTION_AND_PLAN',
  }),
  measure: column({
    header: { vi: 'Kết quả', en: 'Measure' },
    aliases: ['Kết quả đạt được', 'Điểm', 'measure'],
    required: true,
    parse: measure,
    help: {
      vi: 'Tiêu chí có/không: Có hoặc Không; tiêu chí tỷ lệ: số đạt/tổng số (42/50); tiêu chí chấm điểm: số điểm (2 hoặc 1,5).',
      en: 'A yes/no criterion: Yes or No; a share: part/whole (42/50); a scored one: the points (2 or 1.5).',
    },
    example: 'Có',
  }),
  decisionNumber: column({
    ...decisionNumber,
    help: { vi: 'Số quyết định xếp loại.', en: 'The grading decision’s number.' },
    example: '418/QĐ-UBND',
  }),
  decisionDate,
  decisionIssuer,
};

export const IMPORT_COLUMNS = {
  RESIDENTIAL_AREAS: RESIDENTIAL_AREA_COLUMNS,
  MODELS: MODEL_COLUMNS,
  TEAM_MEMBERS: TEAM_MEMBER_COLUMNS,
  ASSESSMENTS: ASSESSMENT_COLUMNS,
  GRADINGS: GRADING_COLUMNS,
} as const satisfies Record<ImportKind, Record<string, ColumnSpec<unknown>>>;

export type ColumnsOf<K extends ImportKind> = (typeof IMPORT_COLUMNS)[K];
/** A row's values once read: each column's value, or null when empty (or not valid: see the row's problems). */
export type RowValues<K extends ImportKind> = { [C in keyof ColumnsOf<K>]: ColumnsOf<K>[C] extends ColumnSpec<infer T> ? T | null : never };
