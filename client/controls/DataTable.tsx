import type { ReactNode } from 'react';
import { TableHead } from './TableHead';

interface DataTableProps<T> {
  /** Classes besides data-table. */
  className?: string;
  caption?: ReactNode;
  columns: readonly string[];
  scoped?: boolean;
  rows: readonly T[];
  /** One row (a <tr> with its key) per item. */
  row: (item: T) => ReactNode;
}

/** A table of items: a header row, then one row per item. */
export function DataTable<T>({ className, caption, columns, scoped, rows, row }: DataTableProps<T>) {
  return (
    <table className={className ? `data-table ${className}` : 'data-table'}>
      {caption && <caption className="hint">{caption}</caption>}
      <TableHead columns={columns} scoped={scoped} />
      <tbody>{rows.map(row)}</tbody>
    </table>
  );
}
