import { Tag } from 'antd';
import type { ExportColumn } from './export-excel.ts';

/**
 * The table's columns for the columns its Excel export writes, so screen and file show the same cells.
 * `colorOf` names the colour of the tag a cell is shown in (a status, a check), or nothing for plain text.
 */
export function exportTableColumns<Row>(
  columns: readonly (ExportColumn<Row> & { key: string })[],
  colorOf: (key: string, row: Row) => string | undefined,
) {
  return columns.map((column) => ({
    key: column.key,
    title: column.title,
    render: (_: unknown, row: Row) => {
      const color = colorOf(column.key, row);
      return color === undefined ? column.value(row) : <Tag color={color}>{column.value(row)}</Tag>;
    },
  }));
}
