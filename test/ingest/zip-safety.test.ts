import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { expandInputs, isSafeEntryName } from '../../server/ingest/sources.js';

const tmp = mkdtempSync(join(tmpdir(), 'hotspot-zip-'));

function writeZip(path: string, entries: [string, Buffer][]): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, content] of entries) zip.addBuffer(content, name, { compress: true });
    zip.outputStream
      .pipe(createWriteStream(path))
      .on('close', () => resolve())
      .on('error', reject);
    zip.end();
  });
}

describe('zip archives', () => {
  it('recognises unsafe entry names', () => {
    for (const bad of ['../etc/passwd.csv', 'a/../../b.csv', '/abs.csv', 'C:\\\\x.csv', 'a\\\\..\\\\b.csv'])
      expect(isSafeEntryName(bad)).toBe(false);
    for (const good of ['2024-01/2024-01-gwent-street.csv', 'x.csv', 'a..b.csv'])
      expect(isSafeEntryName(good)).toBe(true);
  });

  it('refuses an archive with a path-traversal entry, naming it', async () => {
    const path = join(tmp, 'traversal.zip');
    // yazl itself refuses "..", so write a benign name and patch it to "../" in both headers.
    await writeZip(path, [['xx/evil.csv', Buffer.from('a,b\n1,2\n')]]);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    writeFileSync(path, Buffer.from(bytes.toString('latin1').replaceAll('xx/evil.csv', '../evil.csv'), 'latin1'));
    await expect(expandInputs([path])).rejects.toThrow(/traversal\.zip: entry "\.\.\/evil\.csv" has an unsafe path/);
  });

  it('refuses a zip bomb by its declared sizes before reading it', async () => {
    const path = join(tmp, 'bomb.zip');
    await writeZip(path, [['big.csv', Buffer.alloc(64 * 1024 * 1024, 0x61)]]);
    await expect(expandInputs([path])).rejects.toThrow(
      /bomb\.zip: entry "big\.csv" expands \d+:1, which looks like a zip bomb/,
    );
    await expect(
      expandInputs([path], { maxEntryBytes: 1024 * 1024, maxTotalBytes: 1e12, maxRatio: 1e9 }),
    ).rejects.toThrow(/over the 1048576-byte limit/);
  });

  it('refuses an archive with no CSV in it, and one that is not a zip', async () => {
    const empty = join(tmp, 'empty.zip');
    await writeZip(empty, [['readme.txt', Buffer.from('hello')]]);
    await expect(expandInputs([empty])).rejects.toThrow(/empty\.zip: the archive holds no \.csv files/);
    const fake = join(tmp, 'fake.zip');
    writeFileSync(fake, 'not a zip at all');
    await expect(expandInputs([fake])).rejects.toThrow(/fake\.zip: not a readable zip archive/);
  });
});
