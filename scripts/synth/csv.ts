/** Minimal deterministic CSV + gzip writing for the synthetic outputs. */
import { gzipSync } from 'node:zlib';

function field(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV text: header line then one line per row, LF endings, trailing newline. */
export function toCsv(header: string, rows: Iterable<readonly string[]>): string {
  const lines = [header];
  for (const row of rows) lines.push(row.map(field).join(','));
  return lines.join('\n') + '\n';
}

/** gzip with fixed settings; Node writes mtime 0 and no file name, so output is byte-stable. */
export function gzipDeterministic(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9, memLevel: 9, strategy: 0 });
}
