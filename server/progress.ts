/** A one-line console progress bar (redrawn in place on a terminal, a line per step otherwise). */
export function progressLine(label: string, done: number, total: number | null, detail: string): string {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : 0;
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total ?? '?'} ${detail}`;
}

export function makeProgressPrinter(stream: NodeJS.WriteStream = process.stdout) {
  let last = '';
  return {
    update(line: string) {
      if (line === last) return;
      last = line;
      if (stream.isTTY)
        stream.write(
          `\r${line.padEnd(stream.columns ? stream.columns - 1 : 100).slice(0, (stream.columns ?? 101) - 1)}`,
        );
      else stream.write(line + '\n');
    },
    done() {
      if (stream.isTTY && last) stream.write('\n');
      last = '';
    },
  };
}
