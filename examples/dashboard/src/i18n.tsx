/**
 * Every label in Vietnamese (the default) and English, and numbers and dates in the
 * language's own format (Intl). The choice is kept in localStorage.
 */
import { labelOf, type Labels, type Language } from '@antq/core';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const vi = {
  appTitle: 'Phong trào toàn dân bảo vệ an ninh Tổ quốc',
  appSubtitle: 'Bảng theo dõi độ phủ mô hình tự quản',
  language: 'Ngôn ngữ',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  signInTitle: 'Đăng nhập cán bộ',
  tokenLabel: 'Mã truy cập (token) của cán bộ',
  tokenHelp: 'Dán mã truy cập do quản trị viên cấp (lệnh antq token). Mã chỉ được giữ trong thẻ trình duyệt này.',
  tokenEmpty: 'Hãy dán mã truy cập.',
  tokenMalformed: 'Đây không phải là mã truy cập (JWT) hợp lệ.',
  cancel: 'Hủy',
  publicView: 'Xem công khai: chỉ số liệu độ phủ',
  role_NATIONAL: 'Cán bộ cấp Bộ',
  role_PROVINCE_OFFICER: 'Cán bộ cấp tỉnh',
  role_COMMUNE_OFFICER: 'Cán bộ cấp xã',
  role_AREA_LEADER: 'Trưởng khu dân cư',
  searchLabel: 'Tìm đơn vị hành chính',
  searchPlaceholder: 'Tên tỉnh, xã, phường… (vd. Đồng Nai)',
  searchNone: 'Không tìm thấy đơn vị nào vào ngày {date}.',
  searchMore: '{n} đơn vị khớp; hãy gõ thêm.',
  dateLabel: 'Ngày của số liệu',
  today: 'Hôm nay',
  endOf2024: 'Cuối năm 2024',
  beforeReform: 'Trước sắp xếp',
  afterReform: 'Sau sắp xếp',
  reformOn: 'Sắp xếp đơn vị hành chính ngày {date}: bỏ cấp huyện, hợp nhất tỉnh và xã',
  timeline: 'Dòng thời gian 2024–2026',
  dateOutOfRange: 'Chọn một ngày từ {first} đến {last}.',
  level_PROVINCE: 'Tỉnh, thành phố',
  level_DISTRICT: 'Huyện, quận, thị xã',
  level_COMMUNE: 'Xã, phường, đặc khu',
  country: 'Toàn quốc',
  breadcrumb: 'Vị trí',
  coverage: 'Độ phủ mô hình',
  coverageOf: 'Khu dân cư có mô hình đang hoạt động / tổng số khu dân cư',
  residentialAreas: 'Khu dân cư',
  areasWithModel: 'Có mô hình',
  areasWithoutModel: 'Chưa có mô hình',
  activeModels: 'Mô hình đang hoạt động',
  modelTypes: 'Loại mô hình',
  share: 'Tỉ lệ',
  unit: 'Đơn vị',
  byChild: 'Theo đơn vị trực thuộc',
  byProvince: 'Theo tỉnh, thành phố',
  byModelType: 'Theo loại mô hình',
  areasWithType: 'Khu dân cư có loại này',
  noFigures: 'Chưa có khu dân cư nào được ghi nhận ở đây vào ngày này.',
  territoryTitle: 'Cùng địa bàn vào ngày {date}',
  territoryBefore: '{unit} được lập ngày {from}. Vào ngày {date}, địa bàn của đơn vị này thuộc các đơn vị dưới đây (theo lịch sử sắp xếp).',
  territoryAfter: '{unit} chấm dứt ngày {to}. Vào ngày {date}, địa bàn của đơn vị này đã chuyển vào các đơn vị dưới đây.',
  attributed: 'Số liệu ngày {date} của các đơn vị đó, quy về {unit} theo lịch sử sắp xếp',
  partialCommunes: '{n} xã, phường bị chia tách được tính riêng ({areas} khu dân cư), không cộng vào số trên.',
  whole: 'toàn bộ',
  partly: 'một phần',
  open: 'Xem',
  noLineage: 'Không có đơn vị nào nắm giữ địa bàn này vào ngày {date}.',
  unitNotFound: 'Không có đơn vị mã {code} vào ngày {date}.',
  ratioLabel: 'Khu dân cư có mô hình / tổng số',
  formedFrom: 'Hình thành từ',
  passedInto: 'Chuyển vào',
  holdersChart: 'So sánh các đơn vị',
  showEmpty: 'Hiện thêm {n} đơn vị chưa ghi nhận khu dân cư',
  hideEmpty: 'Ẩn các đơn vị chưa ghi nhận khu dân cư',
  loading: 'Đang tải…',
  retry: 'Thử lại',
  signInToSee: 'Đăng nhập với tư cách cán bộ để xem khu dân cư, mô hình, tổ bảo vệ và tải báo cáo.',
  outside: 'Ngoài phạm vi quản lý của bạn.',
  teams: 'Tổ bảo vệ an ninh, trật tự',
  teamCount: '{n} tổ',
  members: 'Thành viên',
  established: 'Ngày thành lập',
  areasCovered: 'Khu dân cư phụ trách',
  areaList: 'Danh sách khu dân cư',
  areaCount: '{n} khu dân cư',
  kind: 'Loại',
  households: 'Hộ',
  residents: 'Nhân khẩu',
  models: 'Mô hình',
  model: 'Mô hình',
  modelType: 'Loại mô hình',
  state: 'Trạng thái',
  foundedOn: 'Ngày đề xuất',
  memberCount: 'Số thành viên',
  areaTeam: 'Tổ bảo vệ an ninh, trật tự của khu dân cư',
  noTeam: 'Khu dân cư này chưa có tổ bảo vệ an ninh, trật tự.',
  areaOf: 'Thuộc {commune}',
  noModels: 'Chưa có mô hình nào.',
  downloads: 'Báo cáo phong trào năm {year}',
  downloadsNote: 'Từ {from} đến {to}, theo mẫu của máy chủ antq.',
  downloadXlsx: 'Tải Excel (XLSX)',
  downloadCsv: 'Tải CSV',
  downloading: 'Đang tạo tệp…',
  reportText: 'Báo cáo tóm tắt',
  notFoundPage: 'Không có trang này.',
  home: 'Về trang đầu',
};

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  appTitle: 'All-people movement to protect national security',
  appSubtitle: 'Dashboard of self-managed security models',
  language: 'Language',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInTitle: 'Officer sign-in',
  tokenLabel: "Officer's access token",
  tokenHelp: 'Paste the access token your administrator issued (antq token). It is kept in this browser tab only.',
  tokenEmpty: 'Paste an access token.',
  tokenMalformed: 'This is not a valid access token (JWT).',
  cancel: 'Cancel',
  publicView: 'Public view: coverage only',
  role_NATIONAL: 'National officer',
  role_PROVINCE_OFFICER: 'Province officer',
  role_COMMUNE_OFFICER: 'Commune officer',
  role_AREA_LEADER: 'Residential area leader',
  searchLabel: 'Find an administrative unit',
  searchPlaceholder: 'Province, commune, ward… (e.g. Đồng Nai)',
  searchNone: 'No unit found on {date}.',
  searchMore: '{n} units match; type more.',
  dateLabel: 'Date of the figures',
  today: 'Today',
  endOf2024: 'End of 2024',
  beforeReform: 'Before the reform',
  afterReform: 'After the reform',
  reformOn: 'Administrative reform on {date}: districts abolished, provinces and communes merged',
  timeline: 'Timeline 2024–2026',
  dateOutOfRange: 'Pick a date from {first} to {last}.',
  level_PROVINCE: 'Province or city',
  level_DISTRICT: 'District',
  level_COMMUNE: 'Commune or ward',
  country: 'Vietnam',
  breadcrumb: 'You are here',
  coverage: 'Model coverage',
  coverageOf: 'Residential areas with an active model / all residential areas',
  residentialAreas: 'Residential areas',
  areasWithModel: 'With a model',
  areasWithoutModel: 'Without a model',
  activeModels: 'Active models',
  modelTypes: 'Kinds of models',
  share: 'Share',
  unit: 'Unit',
  byChild: 'By unit below',
  byProvince: 'By province',
  byModelType: 'By kind of model',
  areasWithType: 'Areas with this kind',
  noFigures: 'No residential area is recorded here on this date.',
  territoryTitle: 'The same territory on {date}',
  territoryBefore: '{unit} was formed on {from}. On {date} its territory lay in the units below (by the lineage).',
  territoryAfter: '{unit} ended on {to}. On {date} its territory had passed into the units below.',
  attributed: 'Figures of those units on {date}, attributed to {unit} through the lineage',
  partialCommunes: '{n} split communes are counted apart ({areas} residential areas), not in the figures above.',
  whole: 'whole',
  partly: 'in part',
  open: 'Open',
  noLineage: 'No unit held this territory on {date}.',
  unitNotFound: 'No unit with code {code} on {date}.',
  ratioLabel: 'Areas with a model / all',
  formedFrom: 'Formed from',
  passedInto: 'Passed into',
  holdersChart: 'The units compared',
  showEmpty: 'Show {n} more units with no residential area recorded',
  hideEmpty: 'Hide the units with no residential area recorded',
  loading: 'Loading…',
  retry: 'Retry',
  signInToSee: 'Sign in as an officer to see the residential areas, models, teams and to download the report.',
  outside: 'Outside your jurisdiction.',
  teams: 'Security and order teams',
  teamCount: '{n} teams',
  members: 'Members',
  established: 'Established',
  areasCovered: 'Areas covered',
  areaList: 'Residential areas',
  areaCount: '{n} residential areas',
  kind: 'Kind',
  households: 'Households',
  residents: 'Residents',
  models: 'Models',
  model: 'Model',
  modelType: 'Kind of model',
  state: 'State',
  foundedOn: 'Proposed on',
  memberCount: 'Members',
  areaTeam: "The area's security and order team",
  noTeam: 'This residential area has no security and order team.',
  areaOf: 'In {commune}',
  noModels: 'No model yet.',
  downloads: 'Movement report {year}',
  downloadsNote: 'From {from} to {to}, as the antq server writes it.',
  downloadXlsx: 'Download Excel (XLSX)',
  downloadCsv: 'Download CSV',
  downloading: 'Preparing the file…',
  reportText: 'Summary report',
  notFoundPage: 'There is no such page.',
  home: 'Back to the start',
};

export type { Language };
const MESSAGES: Record<Language, Record<Key, string>> = { vi, en };
const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const STORAGE_KEY = 'antq.dashboard.language';

export interface I18n {
  readonly language: Language;
  setLanguage(language: Language): void;
  /** The label, with {name} replaced by values. */
  t(key: Key, values?: Record<string, string | number>): string;
  number(n: number): string;
  percent(part: number, whole: number): string;
  /** An ISO day in the language's format (31/12/2024; 31 Dec 2024). */
  date(iso: string): string;
  /** The label of an enum value, from @antq/core's labels. */
  label<T extends string>(labels: Labels<T>, value: T): string;
  /** The part of one of the server's "Tiếng Việt. / English." messages in this language. */
  serverMessage(message: string): string;
}

const Context = createContext<I18n | null>(null);
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'));
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
    document.title = `antq — ${MESSAGES[language].appSubtitle}`;
  }, [language]);
  const value = useMemo<I18n>(() => {
    const locale = LOCALES[language];
    const numbers = new Intl.NumberFormat(locale);
    const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const dates =
      language === 'vi'
        ? new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return {
      language,
      setLanguage,
      t: (key, values) =>
        MESSAGES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole)),
      number: (n) => numbers.format(n),
      percent: (part, whole) => (whole > 0 ? percents.format(part / whole) : '—'),
      date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
      label: (labels, value) => labelOf(labels, value, language),
      serverMessage: (message) => {
        const parts = message.split(' / ');
        if (parts.length !== 2) return message;
        // Most say Vietnamese first, some English first: the Vietnamese part is the one with its letters.
        const vietnamese = VIETNAMESE_LETTER.test(parts[1]!) && !VIETNAMESE_LETTER.test(parts[0]!) ? 1 : 0;
        return parts[language === 'vi' ? vietnamese : 1 - vietnamese]!;
      },
    };
  }, [language]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
