import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import yauzl from 'yauzl';
import { ImportError } from './errors.js';

/** One CSV to read, wherever it lives (a plain file, a .gz, an entry of a .zip). */
export interface SourceFile {
  /** Name shown in reports: the file name, or `archive.zip/inner/path.csv`. */
  name: string;
  open(): Promise<Readable>;
}

export interface ZipLimits {
  /** Largest uncompressed entry accepted (zip-bomb guard). */
  maxEntryBytes: number;
  /** Largest uncompressed size of all CSV entries together. */
  maxTotalBytes: number;
  /** Largest compression ratio accepted for a big entry. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 8 * 1024 ** 3,
  maxRatio: 200,
};

/**
 * Expands files and folders into the CSVs to import, in a stable order. Folders are walked
 * recursively; `.zip` archives (the data.police.uk download layout) are opened in place.
 * `displayName` lets uploads report the user's file name instead of a temp path.
 */
export async function expandInputs(
  paths: readonly string[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  displayName: (path: string) => string = basename,
): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => {
      throw new ImportError(`${displayName(path)}: no such file or folder`);
    });
    if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      const inner = names.filter((n) => !n.startsWith('.')).map((n) => join(path, n));
      const files = [];
      for (const p of inner) {
        const s = await stat(p);
        if (s.isDirectory() || isImportable(p)) files.push(p);
      }
      out.push(...(await expandInputs(files, limits, (p) => p.slice(path.length - basename(path).length))));
    } else if (/\.zip$/i.test(path)) {
      out.push(...(await zipEntries(path, displayName(path), limits)));
    } else if (/\.csv\.gz$/i.test(path) || /\.gz$/i.test(path)) {
      out.push({ name: displayName(path), open: async () => createReadStream(path).pipe(createGunzip()) });
    } else if (/\.csv$/i.test(path)) {
      out.push({ name: displayName(path), open: async () => createReadStream(path) });
    } else {
      throw new ImportError(`${displayName(path)}: not a .csv, .csv.gz or .zip file`);
    }
  }
  return out;
}

function isImportable(path: string): boolean {
  return /\.(csv|csv\.gz|zip)$/i.test(path);
}

/** Zip entry names are only labels here (nothing is extracted to disk), but refuse odd ones anyway. */
export function isSafeEntryName(name: string): boolean {
  return (
    !name.startsWith('/') && !/^[a-zA-Z]:/.test(name) && !name.split(/[\\/]/).includes('..') && !name.includes('\0')
  );
}

function zipEntries(path: string, label: string, limits: ZipLimits): Promise<SourceFile[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, zip) => {
      if (err || !zip)
        return reject(new ImportError(`${label}: not a readable zip archive (${err?.message ?? 'unknown error'})`));
      const entries: yauzl.Entry[] = [];
      let total = 0;
      const fail = (message: string) => {
        zip.close();
        reject(new ImportError(`${label}: ${message}`));
      };
      zip.on('error', (e: Error) => {
        // yauzl itself refuses "../" and absolute entry names before we see them.
        const unsafe = /^(invalid relative path|absolute path): (.*)$/.exec(e.message);
        fail(unsafe ? `entry "${unsafe[2]}" has an unsafe path` : `not a readable zip archive (${e.message})`);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (!isSafeEntryName(name)) return fail(`entry "${name}" has an unsafe path`);
        if (!name.endsWith('/') && /\.csv$/i.test(name) && !name.startsWith('__MACOSX/')) {
          if (entry.uncompressedSize > limits.maxEntryBytes)
            return fail(
              `entry "${name}" is ${entry.uncompressedSize} bytes uncompressed, over the ${limits.maxEntryBytes}-byte limit`,
            );
          const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
          if (entry.uncompressedSize > 10 * 1024 ** 2 && ratio > limits.maxRatio)
            return fail(`entry "${name}" expands ${Math.round(ratio)}:1, which looks like a zip bomb`);
          total += entry.uncompressedSize;
          if (total > limits.maxTotalBytes) return fail(`archive expands to over ${limits.maxTotalBytes} bytes`);
          entries.push(entry);
        }
        zip.readEntry();
      });
      zip.on('end', () => {
        entries.sort((a, b) => a.fileName.localeCompare(b.fileName));
        if (entries.length === 0) return fail('the archive holds no .csv files');
        let remaining = entries.length;
        resolve(
          entries.map((entry) => ({
            name: `${label}/${entry.fileName}`,
            open: () =>
              new Promise<Readable>((res, rej) =>
                // yauzl checks the real size against the declared one while streaming.
                zip.openReadStream(entry, (e, stream) => {
                  if (e || !stream) return rej(new ImportError(`${label}/${entry.fileName}: ${e?.message}`));
                  stream.on('end', () => {
                    if (--remaining === 0) zip.close();
                  });
                  res(stream);
                }),
              ),
          })),
        );
      });
      zip.readEntry();
    });
  });
}
