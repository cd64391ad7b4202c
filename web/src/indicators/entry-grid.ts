import { ApiError } from '../api/api-error.ts';
import type { EntryGrid, SaveValuesBody } from './indicator-queries.ts';

export type Column = 'value' | 'comment';
/** What the user changed in a row: the value (null: cleared) and/or the comment. */
export type Edit = { value?: number | null; comment?: string };
/** The server's problem with each cell, by row key (`indicator|category`) and column. */
export type CellProblems = Record<string, Partial<Record<Column, string>>>;

type Row = EntryGrid['rows'][number];

const keyOf = (row: Row) => `${row.indicator}|${row.category}`;

/**
 * The rows to send, in order, with their keys: every edited row that still has a value (a changed comment is
 * sent with the stored value), each with the version it was read at.
 */
export function valuesToSend(
  rows: readonly Row[],
  edits: Readonly<Record<string, Edit>>,
): { key: string; value: SaveValuesBody['values'][number] }[] {
  return rows.flatMap((row) => {
    const edit = edits[keyOf(row)];
    if (!edit) return [];
    const value = edit.value !== undefined ? edit.value : row.value;
    if (value === null) return [];
    return [
      {
        key: keyOf(row),
        value: {
          indicator: row.indicator,
          category: row.category,
          value,
          comment: edit.comment ?? row.comment,
          version: row.version,
        },
      },
    ];
  });
}

/** `values.3.comment` → the problem of the fourth sent row's comment cell. */
export function problemsByCell(failure: unknown, sentKeys: readonly string[]): CellProblems {
  const problems: CellProblems = {};
  if (!(failure instanceof ApiError)) return problems;
  for (const issue of failure.details) {
    const [list, index, column] = issue.field.split('.');
    const key = sentKeys[Number(index)];
    if (list !== 'values' || key === undefined) continue;
    const cell: Column = column === 'comment' ? 'comment' : 'value';
    problems[key] = { ...problems[key], [cell]: problems[key]?.[cell] ?? issue.message };
  }
  return problems;
}
