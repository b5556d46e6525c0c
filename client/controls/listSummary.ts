/**
 * A short list for a one-line summary: "Robbery", "Robbery and Drugs", "Robbery, Drugs and 3
 * more"; `none` when empty.
 */
export function listSummary(names: readonly string[], none = 'none', shown = 2): string {
  if (names.length === 0) return none;
  if (names.length <= shown + 1)
    return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
