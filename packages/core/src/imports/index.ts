/** Importing spreadsheets: columns of each kind, reading cells and headers, problems to report. */
import { choice, count, date, digits, measure, phoneText, text, yesNo } from './cells.js';

export * from './problems.js';
export { choiceKeys, isBlank, looksMisencoded, type CellParser, type CellResult, type CellValue } from './cells.js';
export * from './columns.js';
export * from './sheet.js';
/** The cell readers the columns use, for columns of one's own. */
export const CELL_PARSERS = { choice, count, date, digits, measure, phoneText, text, yesNo } as const;
