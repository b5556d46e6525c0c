import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { ImportError } from './errors.js';

export interface CsvRecord {
  /** 1-based line number in the file where the record starts. */
  line: number;
  values: string[];
}

/**
 * Streams a CSV: yields the header first, then each record with its line number. LF or CRLF,
 * UTF-8 with or without BOM. Binary and empty files are refused before anything is parsed.
 */
export async function* readCsv(input: Readable, fileName: string): AsyncGenerator<CsvRecord> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  let checked = false;
  let sawAny = false;
  input.on('error', (e) => parser.destroy(new ImportError(`${fileName}: could not be read (${e.message})`)));
  input.on('data', (chunk: Buffer) => {
    if (!checked) {
      checked = true;
      if (looksBinary(chunk)) {
        parser.destroy(new ImportError(`${fileName}: is a binary file, not CSV text`));
        input.destroy();
        return;
      }
    }
    if (!parser.write(chunk)) {
      input.pause();
      parser.once('drain', () => input.resume());
    }
  });
  input.on('end', () => parser.end());
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number; records: number } }>) {
      sawAny = true;
      yield { line: row.info.lines, values: row.record };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const e = error as Error & { lines?: number };
    throw new ImportError(`${fileName}${e.lines ? ` line ${e.lines}` : ''}: malformed CSV (${e.message})`);
  }
  if (!sawAny) throw new ImportError(`${fileName}: the file is empty`);
}

/** NUL bytes or a gzip/zip signature in the first chunk mean this is not a text CSV. */
function looksBinary(chunk: Buffer): boolean {
  if (chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) return true;
  if (chunk.length >= 2 && chunk[0] === 0x50 && chunk[1] === 0x4b) return true;
  return chunk.subarray(0, 8192).includes(0);
}
