/**
 * CPU used by this process's descendants (Chromium: browser, renderers, and the GPU process
 * where SwiftShader draws), from /proc, so the benchmark can wait until the previous page's
 * queued software-WebGL work has finished before it measures the next one.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Stat {
  pid: number;
  ppid: number;
  ticks: number;
}

function stats(): Stat[] {
  const out: Stat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command (which is in parentheses and may hold spaces): state ppid ... utime(14) stime(15).
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(name), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

/** CPU seconds used so far by the live descendants of this process. */
export function descendantsCpuSeconds(): number {
  const all = stats();
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const stack = [process.pid];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      ticks += child.ticks;
      stack.push(child.pid);
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** Waits until the descendants use under `share` of one core over a second (at most `maxMs`); returns the ms waited. */
export async function waitForQuiet(share = 0.1, maxMs = 180_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < maxMs) {
    const before = descendantsCpuSeconds();
    await new Promise((r) => setTimeout(r, 1000));
    const used = descendantsCpuSeconds() - before;
    // Negative: a process ended meanwhile and took its ticks along; look again.
    if (used >= 0 && used < share) break;
  }
  return performance.now() - started;
}
