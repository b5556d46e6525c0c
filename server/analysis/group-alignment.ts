import { expandGroups, OFFENCE_GROUPS } from '../domain/offence-groups.js';

/** What one dataset actually records: its offence groups and the flags it fills in. */
export interface RecordedContent {
  id: number;
  name: string;
  groups: ReadonlySet<string>;
  flags: ReadonlySet<string>;
}

export interface Misalignment {
  /** The offence group or flag that cannot be counted alike across the datasets. */
  group: string;
  label: string;
  reason: string;
  /** The datasets that cannot supply it as the others do. */
  datasets: { id: number; name: string }[];
  /** A coarser group that every dataset records, when there is one. */
  suggestion: string | null;
}

const byId = new Map(OFFENCE_GROUPS.map((g) => [g.id, g]));

/** A group's strict ancestors, nearest first. */
export function ancestorsOf(group: string): string[] {
  const out: string[] = [];
  for (let g = byId.get(group)?.parent; g; g = byId.get(g)?.parent) out.push(g);
  return out;
}

/**
 * The ancestor of `group` that a dataset records only as a whole (it records the ancestor and
 * nothing finer under it, as police.uk does), or undefined. A dataset that records a few rows at
 * the parent level beside finer children (an unclassifiable offence) still separates the children.
 */
function coarseAncestor(d: RecordedContent, group: string): string | undefined {
  return ancestorsOf(group).find((a) => d.groups.has(a) && !expandGroups([a]).some((x) => x !== a && d.groups.has(x)));
}

/** The selected groups that are not inside another selected group (a parent selects its children). */
export function rootGroups(selected: readonly string[]): string[] {
  const set = new Set(selected);
  return [...set].filter((g) => !ancestorsOf(g).some((a) => set.has(a))).sort();
}

/**
 * Whether datasets can be added together for a selection: every dataset must count each selected
 * group at that level or finer. A dataset that records only a coarser parent (police.uk publishes
 * "Violence and sexual offences" whole) would add nothing to a finer group such as homicide while
 * another dataset counts it in full, so the combined count would mean different things on each
 * side of a boundary. Flags likewise: a dataset that never fills a flag in cannot be filtered on it.
 * And a group a dataset records only whole cannot have children left out, even for one dataset.
 * Returns the misalignments (empty when the datasets align).
 */
export function groupMisalignments(
  selectedGroups: readonly string[],
  flags: readonly string[],
  datasets: readonly RecordedContent[],
): Misalignment[] {
  const problems: Misalignment[] = [];
  // A group recorded only whole cannot have some of its children left out (a definition that
  // excludes sexual offences from "Violence and sexual offences" cannot be applied to police.uk).
  const selected = new Set(selectedGroups);
  for (const group of rootGroups(selectedGroups)) {
    const excluded = expandGroups([group]).filter((g) => !selected.has(g));
    const whole = datasets.filter(
      (d) => d.groups.has(group) && !expandGroups([group]).some((x) => x !== group && d.groups.has(x)),
    );
    if (excluded.length === 0 || whole.length === 0) continue;
    problems.push({
      group,
      label: byId.get(group)?.label ?? group,
      reason: `${whole.map((d) => `"${d.name}"`).join(', ')} records "${byId.get(group)?.label}" as a whole, so ${excluded.map((g) => `"${byId.get(g)?.label}"`).join(', ')} cannot be left out`,
      datasets: whole.map((d) => ({ id: d.id, name: d.name })),
      suggestion: null,
    });
  }
  if (datasets.length < 2) return problems;
  for (const group of rootGroups(selectedGroups)) {
    const ancestors = ancestorsOf(group);
    const coarse = datasets.filter((d) => coarseAncestor(d, group) !== undefined);
    if (coarse.length === 0) continue;
    const finer = expandGroups([group]);
    const coarseOf = (d: RecordedContent) => coarseAncestor(d, group)!;
    const suggestion =
      ancestors.find((a) =>
        datasets.every((d) => d.groups.has(a) || [...d.groups].some((g) => ancestorsOf(g).includes(a))),
      ) ?? null;
    const fine = datasets.filter((d) => finer.some((g) => d.groups.has(g)));
    problems.push({
      group,
      label: byId.get(group)?.label ?? group,
      reason: `${coarse.map((d) => `"${d.name}" records only "${byId.get(coarseOf(d))?.label}" as a whole`).join('; ')}${fine.length ? `, while ${fine.map((d) => `"${d.name}"`).join(', ')} records "${byId.get(group)?.label}" separately` : ''}`,
      datasets: coarse.map((d) => ({ id: d.id, name: d.name })),
      suggestion,
    });
  }
  for (const flag of flags) {
    const missing = datasets.filter((d) => !d.flags.has(flag));
    if (missing.length === 0) continue;
    problems.push({
      group: `flag:${flag}`,
      label: `${flag} flag`,
      reason: `${missing.map((d) => `"${d.name}"`).join(', ')} records no ${flag} flag`,
      datasets: missing.map((d) => ({ id: d.id, name: d.name })),
      suggestion: null,
    });
  }
  return problems;
}

/** The datasets that can supply a metric in full: they record its groups (or finer) and fill in its flags. */
export function datasetsSupplying(
  groups: readonly string[],
  flags: readonly string[],
  datasets: readonly RecordedContent[],
): RecordedContent[] {
  return datasets.filter((d) => {
    const roots = rootGroups(groups);
    const covers = roots.some((g) => expandGroups([g]).some((x) => d.groups.has(x)));
    return covers && roots.every((g) => coarseAncestor(d, g) === undefined) && flags.every((f) => d.flags.has(f));
  });
}
