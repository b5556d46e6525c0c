export interface ParsedDate {
  date: string; // YYYY-MM-DD
  time: string | null; // HH:MM
}

export type DateFormat = 'iso' | 'dd/mm/yyyy';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Parses an ISO or dd/mm/yyyy date, optionally with a time; null if malformed or impossible (31/02). */
export function parseDate(text: string, format: DateFormat): ParsedDate | null {
  const t = text.trim();
  const m = format === 'iso' ? ISO.exec(t) : UK.exec(t);
  if (!m) return null;
  const [y, mo, d] = format === 'iso' ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  let time: string | null = null;
  if (m[4] !== undefined) {
    time = formatTime(Number(m[4]), Number(m[5]));
    if (!time) return null;
  }
  return { date: `${y}-${pad(month)}-${pad(day)}`, time };
}

/** Parses HH:MM or HH:MM:SS to HH:MM; null if malformed. */
export function parseTime(text: string): string | null {
  const m = TIME.exec(text.trim());
  return m ? formatTime(Number(m[1]), Number(m[2])) : null;
}

function formatTime(h: number, min: number): string | null {
  return h <= 23 && min <= 59 ? `${pad(h)}:${pad(min)}` : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
