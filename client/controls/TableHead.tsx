/**
 * A table's header row; an empty name leaves a blank cell (over a row's own header or its
 * actions). Names are unique within a table (there is at most one blank).
 */
export function TableHead({ columns, scoped = false }: { columns: readonly string[]; scoped?: boolean }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column || '(blank)'} scope={scoped && column ? 'col' : undefined}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
