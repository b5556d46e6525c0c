interface GroupSummary {
  id: string;
  violence: boolean;
  parent?: string | null;
}

export function parentOf(group: object): string | null {
  const parent = (group as { parent?: unknown }).parent;
  return typeof parent === 'string' ? parent : null;
}

/** The default offence definition: every violence-related group. */
export function defaultGroupIds(groups: readonly GroupSummary[]): string[] {
  return groups.filter((g) => g.violence).map((g) => g.id);
}

/**
 * Ids to send to the server: a child group is dropped when its parent is selected, because
 * selecting a parent already includes its children.
 */
export function groupIdsForQuery(groups: readonly GroupSummary[], selected: readonly string[]): string[] {
  const chosen = new Set(selected);
  return groups
    .filter((g) => chosen.has(g.id))
    .filter((g) => {
      const parent = parentOf(g);
      return parent === null || !chosen.has(parent);
    })
    .map((g) => g.id);
}
