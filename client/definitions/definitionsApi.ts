import { api, okJson } from '../api';

/** A partnership's saved definitions (every version) and the national presets to start from. */
export type DefinitionsBody = Awaited<ReturnType<typeof fetchDefinitions>>;
export type SavedDefinition = DefinitionsBody['definitions'][number];
export type DefinitionPreset = DefinitionsBody['presets'][number];
/** What the editor sends: the server gives it the next version of its key. */
export type DefinitionDraft = Parameters<(typeof api.api.partnerships)[':id']['definitions']['$post']>[0]['json'];

export function fetchDefinitions(partnershipId: number, signal?: AbortSignal) {
  return okJson(
    api.api.partnerships[':id'].definitions.$get({ param: { id: String(partnershipId) } }, { init: { signal } }),
  );
}

export async function saveDefinition(partnershipId: number, draft: DefinitionDraft): Promise<SavedDefinition> {
  const body = await okJson(
    api.api.partnerships[':id'].definitions.$post({ param: { id: String(partnershipId) }, json: draft }),
  );
  return body.definition;
}
