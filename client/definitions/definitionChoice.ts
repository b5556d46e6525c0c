import type { DefinitionsBody } from './definitionsApi';

/** How a selection names a definition (`preset:ID` or a saved definition's id), as the API takes it. */
export function definitionParam(d: { id: number | string }): string {
  return typeof d.id === 'number' ? String(d.id) : `preset:${d.id}`;
}

/** The name and version of the definition a selection names, for legends and summaries; null if unknown. */
export function definitionLabel(body: DefinitionsBody | null, param: string | undefined): string | null {
  if (!param || !body) return null;
  const found =
    body.presets.find((p) => definitionParam(p) === param) ??
    body.definitions.find((d) => definitionParam(d) === param);
  return found ? `${found.name} (version ${found.version})` : null;
}
