/**
 * Vietnamese names of units. Official spellings vary in where the tone mark sits
 * (`Hòa`/`Hoà`, `Thủy`/`Thuỷ`) and in Unicode composition; two spellings name the
 * same unit when their {@link nameKey}s are equal. Search ignores diacritics altogether
 * ({@link searchKey}), so `binh phuoc` finds `Bình Phước`.
 */

// The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook, dot below).
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /\p{M}/gu;

/**
 * A key for matching names: NFC, lower case, single spaces, and each word's tone mark
 * moved to the end of the word, so that placement no longer matters. Other diacritics
 * (â, ă, ê, ô, ơ, ư, đ) are kept: `Hòa` ≠ `Hóa` ≠ `Hỏa`.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .split(/\s+/u)
    .map((word) => {
      const decomposed = word.normalize('NFD');
      const tones = decomposed.match(TONE_MARKS) ?? [];
      return (decomposed.replace(TONE_MARKS, '') + tones.join('')).normalize('NFC');
    })
    .join(' ');
}

/**
 * A key for searching: lower case, no diacritics at all (`đ` → `d`), punctuation
 * as spaces, single spaces. `Thành phố Hồ Chí Minh` → `thanh pho ho chi minh`.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(ALL_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
