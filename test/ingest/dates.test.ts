import { describe, expect, it } from 'vitest';
import { parseDate, parseTime } from '../../server/ingest/dates.js';

describe('parseDate', () => {
  it.each([
    ['2024-02-29', 'iso', { date: '2024-02-29', time: null }],
    ['2024-03-01T21:05:00Z', 'iso', { date: '2024-03-01', time: '21:05' }],
    ['2024-03-01 07:05', 'iso', { date: '2024-03-01', time: '07:05' }],
    ['1/3/2024', 'dd/mm/yyyy', { date: '2024-03-01', time: null }],
    ['01/03/2024 23:59', 'dd/mm/yyyy', { date: '2024-03-01', time: '23:59' }],
  ] as const)('%s (%s)', (text, format, expected) => expect(parseDate(text, format)).toEqual(expected));

  it.each([
    ['2023-02-29', 'iso'],
    ['31/04/2024', 'dd/mm/yyyy'],
    ['2024-13-01', 'iso'],
    ['03/01/2024', 'iso'],
    ['2024-01-01', 'dd/mm/yyyy'],
    ['01/01/2024 24:00', 'dd/mm/yyyy'],
    ['', 'iso'],
  ] as const)('refuses %s (%s)', (text, format) => expect(parseDate(text, format)).toBeNull());

  it('parses times', () => {
    expect(parseTime('7:05')).toBe('07:05');
    expect(parseTime('23:59:59')).toBe('23:59');
    expect(parseTime('12:60')).toBeNull();
  });
});
