/**
 * COPY text gathered as UTF-8 bytes in a buffer that is reused batch after batch. Lines kept as
 * strings until their batch is sent live long enough to reach V8's old generation, and a
 * national import's heap grew to 600 MB of them before it was collected; bytes written straight
 * into a reused buffer leave each line's string short-lived.
 */
export class CopyBuffer {
  private bytes: Buffer;
  private used = 0;
  rows = 0;

  constructor(initialBytes = 4 * 1024 * 1024) {
    this.bytes = Buffer.allocUnsafe(initialBytes);
  }

  append(line: string): void {
    const most = line.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (this.used + most > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + most));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(line, this.used, 'utf8');
    this.rows++;
  }

  /** The bytes so far: valid until the next append after clear(). */
  contents(): Uint8Array {
    return this.bytes.subarray(0, this.used);
  }

  clear(): void {
    this.used = 0;
    this.rows = 0;
  }
}
