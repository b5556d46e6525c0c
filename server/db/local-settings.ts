import type { Queryable } from './types.js';

/**
 * Runs `run` with planner or memory settings changed for the caller's transaction only, and puts
 * the previous values back after it, so the statements that follow in the same transaction plan
 * as they would have. Names are fixed by the caller's code, never taken from a request.
 */
export async function withLocalSettings<R>(
  tx: Queryable,
  settings: Readonly<Record<string, string>>,
  run: () => Promise<R>,
): Promise<R> {
  const names = Object.keys(settings);
  const set = (values: readonly string[]) =>
    tx.query(
      `select ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
      names.flatMap((name, i) => [name, values[i]!]),
    );
  const [previous] = await tx.query<Record<string, string>>(
    `select ${names.map((_, i) => `current_setting($${i + 1}) as s${i}`).join(', ')}`,
    names,
  );
  await set(names.map((name) => settings[name]!));
  try {
    return await run();
  } finally {
    await set(names.map((_, i) => previous![`s${i}`]!));
  }
}
