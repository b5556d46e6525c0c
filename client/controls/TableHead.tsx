/**
 * A table's header row. Every column is named, the row headers' and actions' columns too: an empty
 * header tells a screen-reader user nothing (WCAG 1.3.1). Names are unique within a table.
 */
export function TableHead({ columns, scoped = false }: { columns: readonly string[]; scoped?: boolean }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope={scoped ? 'col' : undefined}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
