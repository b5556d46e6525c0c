import { groupMisalignments, type RecordedContent } from '../analysis/group-alignment.js';
import { recordedContent } from '../db/datasets.js';
import type { Db } from '../db/index.js';
import type { PreparedSelection } from './selection.js';

/** 400 naming the offence groups or flags the datasets cannot count alike, or null when they align. */
export async function alignmentProblem(db: Db, prepared: PreparedSelection, recorded?: RecordedContent[]) {
  const misaligned = groupMisalignments(
    prepared.query.groups,
    prepared.query.flags ?? [],
    recorded ?? (await recordedContent(db, prepared.datasets)),
  );
  if (misaligned.length === 0) return null;
  const hints = misaligned.filter((m) => m.suggestion).map((m) => `use "${m.suggestion}" instead of "${m.group}"`);
  return {
    error: `these datasets cannot be combined for ${misaligned.map((m) => `"${m.label}"`).join(', ')}: ${misaligned.map((m) => m.reason).join('; ')}${hints.length ? ` (${hints.join('; ')})` : ''}`,
    unaligned: misaligned,
  };
}
