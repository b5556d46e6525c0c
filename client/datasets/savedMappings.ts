/**
 * Column mappings the user saved, kept in this browser (a mapping names columns, never values).
 * Keyed by the name they gave it.
 */
const STORAGE_KEY = 'hotspot:column-mappings';

export function loadSavedMappings(): Record<string, string> {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return typeof saved === 'object' && saved !== null ? (saved as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function saveMapping(name: string, json: string): Record<string, string> {
  const saved = { ...loadSavedMappings(), [name]: json };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  return saved;
}
