/**
 * A seam for the test that every restricted output is made from released tables alone: the
 * test records what the gate released for a request, changes the true data, and replays the
 * recording; the response must not change. Off (a pass-through) unless a test turns it on.
 */
type Mode =
  | { kind: 'off' }
  | { kind: 'record'; tables: Map<string, unknown> }
  | { kind: 'replay'; tables: Map<string, unknown> };

let mode: Mode = { kind: 'off' };

/** Records every released table from now on (tests only). */
export function recordReleases(): Map<string, unknown> {
  const tables = new Map<string, unknown>();
  mode = { kind: 'record', tables };
  return tables;
}

/** Answers every release from a recording instead of the database (tests only). */
export function replayReleases(tables: Map<string, unknown>): void {
  mode = { kind: 'replay', tables };
}

export function stopTapping(): void {
  mode = { kind: 'off' };
}

/** JSON with object keys in order, so equal arguments give one key. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Map
      ? [...v]
      : v instanceof Set
        ? [...v].sort()
        : v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
          : v,
  );
}

/** A release, recorded or replayed when a test asks; otherwise just `release()`. */
export async function tapped<T>(name: string, args: unknown, release: () => Promise<T>): Promise<T> {
  if (mode.kind === 'off') return release();
  const key = `${name} ${stable(args)}`;
  if (mode.kind === 'replay') {
    if (!mode.tables.has(key)) throw new Error(`no recorded release for ${key}`);
    return structuredClone(mode.tables.get(key)) as T;
  }
  const value = await release();
  mode.tables.set(key, structuredClone(value));
  return value;
}
