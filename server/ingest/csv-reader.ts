import Papa from 'papaparse';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { ImportError, UploadTooLarge } from './errors.js';

export interface CsvRecord {
  /** 1-based line number in the file where the record starts. */
  line: number;
  values: string[];
}

/** A record longer than this is not a CSV row but an unterminated quote running on. */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * Streams a CSV: yields the header first, then each record with its line number. LF, CRLF or
 * CR, UTF-8 with or without BOM; blank lines are skipped. Binary and empty files are refused
 * before anything is parsed; a quoting error names its line.
 *
 * Each chunk read is parsed whole with papaparse (several times faster than csv-parse here,
 * which was most of an import's JavaScript time). The record still open at a chunk's end is
 * carried into the next chunk, so memory is one chunk plus one record.
 */
export async function* readCsv(input: Readable, fileName: string): AsyncGenerator<CsvRecord> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let newline: '\n' | '\r\n' | '\r' | undefined;
  let line = 1;
  let sawAny = false;
  let first = true;

  const parse = (text: string, final: boolean): CsvRecord[] => {
    newline ??= detectNewline(text, final);
    if (newline === undefined) {
      pending = text; // no line end yet: the first record is still open
      if (pending.length > MAX_RECORD_CHARS)
        throw new ImportError(
          `${fileName} line 1: malformed CSV (no line end in the first ${MAX_RECORD_CHARS} characters)`,
        );
      return [];
    }
    const rows: { values: string[]; start: number; end: number; error?: string }[] = [];
    let start = 0;
    // The core Parser, not Papa.parse: that strips a leading U+FEFF from every chunk, which
    // would shift the cursors of a chunk that happens to start with one.
    new Papa.Parser({
      delimiter: ',',
      newline,
      quoteChar: '"',
      step: (result: { data: string[][]; errors: { message: string }[]; meta: { cursor: number } }) => {
        const end = result.meta.cursor; // just past the row's line end
        rows.push({ values: result.data[0]!, start, end, error: result.errors[0]?.message });
        start = end;
      },
    }).parse(text, 0, false);
    // Until the input ends, the last row may be cut off mid-record: parse it again with the next chunk.
    const open = final ? undefined : rows.pop();
    pending = open ? text.slice(open.start) : '';
    if (pending.length > MAX_RECORD_CHARS)
      throw new ImportError(
        `${fileName} line ${line}: malformed CSV (a record runs on for over ${MAX_RECORD_CHARS} characters: an unterminated quote?)`,
      );
    const records: CsvRecord[] = [];
    for (const row of rows) {
      const at = line;
      line += Math.max(1, lineBreaksBetween(text, row.start, row.end));
      if (row.error) throw new ImportError(`${fileName} line ${at}: malformed CSV (${row.error})`);
      if (row.values.length === 1 && row.values[0] === '' && isBlank(text, row.start, row.end, newline)) continue; // a blank line, not ""
      records.push({ line: at, values: row.values });
    }
    return records;
  };

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (first) {
        first = false;
        if (looksBinary(chunk)) {
          input.destroy();
          throw new ImportError(`${fileName}: is a binary file, not CSV text`);
        }
      }
      let text = pending + decoder.write(chunk);
      if (!sawAny && line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const records = parse(text, false);
      for (const record of records) {
        sawAny = true;
        yield record;
      }
    }
    const rest = pending + decoder.end();
    if (rest.length > 0) {
      const text = !sawAny && line === 1 && rest.charCodeAt(0) === 0xfeff ? rest.slice(1) : rest;
      for (const record of parse(text, true)) {
        sawAny = true;
        yield record;
      }
    }
  } catch (error) {
    if (error instanceof ImportError || error instanceof UploadTooLarge) throw error;
    throw new ImportError(`${fileName}: could not be read (${(error as Error).message})`);
  }
  if (!sawAny) throw new ImportError(`${fileName}: the file is empty`);
}

/** The file's line end: the first one outside quotes (undefined if none is seen yet and more may come). */
function detectNewline(text: string, final: boolean): '\n' | '\r\n' | '\r' | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22)
      quoted = !quoted; // "" inside quotes toggles twice
    else if (!quoted && c === 0x0a) return '\n';
    else if (!quoted && c === 0x0d) {
      if (i + 1 < text.length) return text.charCodeAt(i + 1) === 0x0a ? '\r\n' : '\r';
      return final ? '\r' : undefined;
    }
  }
  return final ? '\n' : undefined;
}

/** Nothing but (at most) the line end between start and end. */
function isBlank(text: string, start: number, end: number, newline: string): boolean {
  return end === start || (end - start === newline.length && text.startsWith(newline, start));
}

/** Line breaks in text[from, to), as an editor counts them: LF, CRLF or a lone CR, whatever the file's own line end. */
function lineBreaksBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== 0x0a) n++;
  return n;
}

/** NUL bytes or a gzip/zip signature in the first chunk mean this is not a text CSV. */
function looksBinary(chunk: Buffer): boolean {
  if (chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) return true;
  if (chunk.length >= 2 && chunk[0] === 0x50 && chunk[1] === 0x4b) return true;
  return chunk.subarray(0, 8192).includes(0);
}
