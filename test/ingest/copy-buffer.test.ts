import { describe, expect, it } from 'vitest';
import { CopyBuffer } from '../../server/ingest/copy-buffer.js';

describe('CopyBuffer', () => {
  it('keeps every line as UTF-8, growing past its first size', () => {
    const buffer = new CopyBuffer(8);
    const lines = ['1,"Caerdydd",t\n', '2,"Ystrad Mynach – Pen-y-bont",f\n', '3,"😀",\n'];
    for (let i = 0; i < 50; i++) for (const line of lines) buffer.append(line);
    expect(buffer.rows).toBe(150);
    expect(Buffer.from(buffer.contents()).toString('utf8')).toBe(lines.join('').repeat(50));
  });

  it('starts again empty after clear, reusing its bytes', () => {
    const buffer = new CopyBuffer(64);
    buffer.append('first batch line\n');
    const before = buffer.contents().buffer;
    buffer.clear();
    expect(buffer.rows).toBe(0);
    expect(buffer.contents().byteLength).toBe(0);
    buffer.append('second\n');
    expect(Buffer.from(buffer.contents()).toString()).toBe('second\n');
    expect(buffer.contents().buffer).toBe(before);
  });
});
