/** CSV reading and deterministic gzip writing for the geodata build. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

/** Read a whole CSV file: UTF-8, BOM stripped, CRLF or LF. Returns header and rows (arrays). */
export function readCsv(
  path: string,
  opts: { header?: boolean; text?: string } = {},
): { header: string[]; rows: string[][] } {
  const text = opts.text ?? readFileSync(path, 'utf8');
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  if (opts.header === false) return { header: [], rows: records };
  const [header, ...rows] = records;
  if (!header) throw new Error(`${path}: empty CSV`);
  return { header, rows };
}

/** Rows as objects keyed by header name; throws when a named column is missing. */
export function readCsvObjects(
  path: string,
  required: readonly string[] = [],
  text?: string,
): { header: string[]; rows: Record<string, string>[]; raw: string[][] } {
  const { header, rows } = readCsv(path, { text });
  for (const col of required) if (!header.includes(col)) throw new Error(`${path}: no column "${col}"`);
  return {
    header,
    raw: rows,
    rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
  };
}

function field(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV text: header line then one line per row, LF endings, trailing newline. */
export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return lines.join('\n') + '\n';
}

/** gzip with fixed settings; Node writes mtime 0 and no file name, so output is byte-stable. */
export function gzip(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9, memLevel: 9 });
}
