import Papa from 'papaparse';

export interface FilePreview {
  file: string;
  header: string[];
  rows: string[][];
}

/** Rows shown from each file before upload: enough to check the columns, no more. */
const PREVIEW_ROWS = 5;
/** Read no more than this of a file to preview it. */
const PREVIEW_BYTES = 64 * 1024;

/** The text at the start of a CSV, or of a gzipped CSV (decompressed in the browser); null for archives. */
async function leadingText(file: File): Promise<string | null> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return file.slice(0, PREVIEW_BYTES).text();
  if (!name.endsWith('.gz')) return null;
  const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < PREVIEW_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel();
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

/** The header and first rows of a CSV file (papaparse, as the columns will be read), or null for an archive. */
export async function previewRows(file: File): Promise<FilePreview | null> {
  const text = await leadingText(file);
  if (text === null) return null;
  const parsed = Papa.parse<string[]>(text, { preview: PREVIEW_ROWS + 1, skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { file: file.name, header, rows };
}
