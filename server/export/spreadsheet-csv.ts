import { stringify } from 'csv-stringify/sync';

/** Text a spreadsheet would run as a formula when it opens the file (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as Excel and LibreOffice should show it: text starting with = + - @ tab or CR gets a
 * leading apostrophe, so `-2+3@x.test` (an attempted sign-in's email in the audit log) stays
 * text instead of being calculated. Numbers are numbers and stay as they are.
 */
export function spreadsheetCell(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV as Excel opens it without conversion: UTF-8 with a byte-order mark, CRLF line ends,
 * quoted where needed, every text cell made safe to open; null as "suppressed" (withheld counts),
 * or the export language's word for it.
 */
export function spreadsheetCsv(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  suppressed = 'suppressed',
): string {
  const cells = rows.map((r) => r.map((v) => spreadsheetCell(v === null ? suppressed : v)));
  return '\uFEFF' + stringify([header.map(spreadsheetCell), ...cells], { record_delimiter: '\r\n' });
}
