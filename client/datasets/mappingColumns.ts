/** Keys of a column mapping whose values are settings, not column names. */
const NOT_COLUMNS = new Set(['dateFormat', 'kind', 'offenceGroups']);

/** The CSV columns a column mapping reads (every column name in it, nested ones included). */
export function mappingColumns(mapping: unknown): string[] {
  if (typeof mapping !== 'object' || mapping === null) return [];
  return Object.entries(mapping).flatMap(([key, value]) => {
    if (NOT_COLUMNS.has(key)) return [];
    return typeof value === 'string' ? [value] : mappingColumns(value);
  });
}
