import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvRecord } from '../../server/ingest/csv-reader.js';

/** The bytes delivered in pieces of the given sizes (cycled), as a file read would, only smaller. */
function chunked(bytes: Buffer, sizes: readonly number[]): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(pieces, { objectMode: false });
}

async function readAll(input: Readable, name = 'test.csv'): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsv(input, name)) out.push(record);
  return out;
}

/** The reference: csv-parse, reading the whole text at once, with the line each record starts on. */
function reference(text: string): CsvRecord[] {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  // csv-parse's info.lines is the line a record ends on; it starts where the previous one ended + 1, blank lines aside.
  return rows.map((r) => ({
    line: r.info.lines - r.record.reduce((n, field) => n + field.split('\n').length - 1, 0),
    values: r.record,
  }));
}

const plain = fc.stringMatching(/^[a-zA-Z0-9 .;:é£😀-]{0,8}$/u);
const quoted = fc.stringMatching(/^[a-z ,"\n😀é]{0,8}$/u).map((s) => `"${s.replaceAll('"', '""')}"`);
const record = fc.array(fc.oneof(plain, quoted), { minLength: 1, maxLength: 5 }).map((fields) => fields.join(','));

describe('readCsv', () => {
  it('reads every shape of well-formed CSV as csv-parse does, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 9, arbitrary: record }, { weight: 1, arbitrary: fc.constant('') }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
        async (records, eol, bom, trailingEol, sizes) => {
          const text = (bom ? '\uFEFF' : '') + records.join(eol) + (trailingEol ? eol : '');
          fc.pre(records.some((r) => r !== '') && !text.replace('\uFEFF', '').startsWith(eol));
          const expected = reference(text);
          fc.pre(expected.length > 0);
          // A quoted field holding a lone \n in a CRLF file is still one field: csv-parse agrees.
          expect(await readAll(chunked(Buffer.from(text, 'utf8'), sizes))).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('numbers lines across quoted line breaks and blank lines', async () => {
    const text = 'h1,h2\n"a\nb",c\n\nd,"e\n\nf"\ng,h\n';
    expect(await readAll(chunked(Buffer.from(text), [3]))).toEqual([
      { line: 1, values: ['h1', 'h2'] },
      { line: 2, values: ['a\nb', 'c'] },
      { line: 5, values: ['d', 'e\n\nf'] },
      { line: 8, values: ['g', 'h'] },
    ]);
  });

  it('names the line of a quoting error and of an unterminated quote', async () => {
    await expect(readAll(chunked(Buffer.from('a,b\nc,"d"x\n'), [4]), 'bad.csv')).rejects.toThrow(
      /^bad\.csv line 2: malformed CSV \(Trailing quote on quoted field is malformed\)/,
    );
    await expect(readAll(chunked(Buffer.from('a,b\nc,d\ne,"never closed\nf,g\n'), [5]), 'open.csv')).rejects.toThrow(
      /^open\.csv line 3: malformed CSV \(Quoted field unterminated\)/,
    );
  });

  it('refuses a record that runs on past a megabyte instead of holding the file in memory', async () => {
    const runaway = Readable.from(
      (function* () {
        yield Buffer.from('a,b\nc,"');
        for (let i = 0; i < 40; i++) yield Buffer.alloc(64 * 1024, 'x');
      })(),
    );
    await expect(readAll(runaway, 'runaway.csv')).rejects.toThrow(
      /runaway\.csv line 2: malformed CSV \(a record runs on for over 1000000 characters/,
    );
  });

  it('reads a real police.uk month identically to csv-parse', async () => {
    const path = '../shared/data/police-uk/south-wales/2024-01-south-wales-street.csv';
    const { readFileSync } = await import('node:fs');
    const expected = reference(readFileSync(path, 'utf8'));
    expect(expected.length).toBeGreaterThan(10_000);
    expect(await readAll(createReadStream(path))).toEqual(expected);
  });
});
