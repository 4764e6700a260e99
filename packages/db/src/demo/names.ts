/**
 * Word lists for the demo's invented names: residential areas, organizations, people.
 * Plausible for south-eastern Việt Nam; any likeness to a real person is chance.
 */
import type { Random } from './random.js';

/** Names of ấp, thôn and khu phố as they are often named in the region. */
export const PLACE_NAMES = [
  'Thanh Bình',
  'Tân Lập',
  'Phú Lợi',
  'Bình Hòa',
  'Tân Hưng',
  'Sóc Lớn',
  'Sóc Bưng',
  'Hưng Phát',
  'Thuận Phú',
  'Đồng Tâm',
  'Tân Phước',
  'Phước Hòa',
  'Hòa Hiệp',
  'Tân Định',
  'Bình Thắng',
  'Phú Cường',
  'Tân Thành',
  'Tân Phú',
  'Phú Thịnh',
  'Tân Tiến',
  'Đức Lập',
  'Thống Nhất',
  'Thuận Hòa',
  'Bình Minh',
  'Hiệp Thành',
  'Phú Hòa',
  'Tân Trà',
  'Tân Xuân',
  'Suối Đá',
  'Suối Rạt',
  'Bàu Ké',
  'Bàu Sen',
  'Cây Điệp',
  'Cần Lê',
  'Sơn Hòa',
  'Sơn Lập',
  'Đồng Xoài',
  'Bù Ka',
  'Bù Tam',
  'Bù Xia',
  'Trảng Cỏ',
  'Phước Yên',
  'Thác Mơ',
  'Đồng Bia',
  'Hưng Thịnh',
  'Tân Hiệp',
  'Bình Đức',
  'Đức Hạnh',
  'Tân Lợi',
  'Thanh Hòa',
  'Xa Cam',
  'Sóc Ruộng',
  'Đồi Tre',
  'Bàu Lòng',
  'Thanh Sơn',
  'Hòa Đông',
  'Tân Quan',
];

/** Family names, weighted roughly as they occur. */
const FAMILY_NAMES: Record<string, number> = {
  Nguyễn: 38,
  Trần: 11,
  Lê: 9,
  Phạm: 7,
  Hoàng: 4,
  Huỳnh: 4,
  Phan: 4,
  Vũ: 3,
  Võ: 3,
  Đặng: 2,
  Bùi: 2,
  Đỗ: 2,
  Hồ: 2,
  Ngô: 2,
  Dương: 1,
  Lý: 1,
  Điểu: 1,
};
const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Hữu', 'Quốc', 'Thanh', 'Công', 'Ngọc', 'Xuân', 'Trọng'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Kim', 'Mỹ', 'Thu', 'Hồng'];
const MALE_GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Hưng',
  'Khánh',
  'Lâm',
  'Long',
  'Minh',
  'Nam',
  'Nghĩa',
  'Phong',
  'Phúc',
  'Quang',
  'Sơn',
  'Tài',
  'Tâm',
  'Thành',
  'Thắng',
  'Thịnh',
  'Toàn',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
  'Hoàng',
  'Lợi',
  'Tùng',
  'Đạt',
  'Hiếu',
  'Phước',
  'Thuận',
  'Lộc',
  'Tú',
];
const FEMALE_GIVEN = [
  'Anh',
  'Dung',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hoa',
  'Hương',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phương',
  'Thảo',
  'Thu',
  'Thủy',
  'Trang',
  'Tuyết',
  'Vân',
  'Yến',
];

/** An invented full name. */
export function personName(random: Random, female: boolean): string {
  const family = random.weighted(FAMILY_NAMES);
  const middle = random.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  const given = random.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

/** Words of invented enterprise names. */
export const ENTERPRISE_TRADES = [
  'Chế biến Hạt điều',
  'Cao su',
  'Chế biến Gỗ',
  'Nông sản',
  'May mặc',
  'Vật liệu Xây dựng',
  'Chế biến Mủ cao su',
  'Thức ăn Chăn nuôi',
  'Bao bì',
  'Cơ khí',
  'Điện tử',
  'Dệt may',
  'Hồ tiêu',
  'Thực phẩm',
];
export const ENTERPRISE_BRANDS = [
  'Tân Phát',
  'Minh Hưng',
  'Phú Thịnh',
  'Hưng Long',
  'Đại Phước',
  'Thành Công',
  'Bình An',
  'Kim Long',
  'Việt Thắng',
  'Hoàng Gia',
  'Phước Lộc',
  'Trường Sơn',
  'Đông Á',
  'Nam Việt',
  'An Khang',
  'Sao Mai',
];
export const ENTERPRISE_FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV'];

/** `s` with its first letter in lower case, as a name reads inside a sentence ("tổ an ninh ấp 3"). */
export const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * What follows the kind in the names of a commune's `n` residential areas ("Ấp 3", "Khu phố
 * Bình An"): numbers, place names or both, drawn from `random`; numbers again past the names.
 */
export function areaSuffixes(random: Random, n: number): string[] {
  const style = random.weighted({ numbered: 55, named: 20, mixed: 25 });
  const numbered = style === 'numbered' ? n : style === 'named' ? 0 : Math.ceil(n * 0.6);
  const named = random.shuffle(PLACE_NAMES).slice(0, n - numbered);
  const suffixes = [...Array.from({ length: numbered }, (_, i) => String(i + 1)), ...named];
  while (suffixes.length < n) suffixes.push(String(suffixes.length + 1));
  return suffixes;
}
