/** One column of an exported table: its heading and how to read the cell from a row. */
export type ExportColumn<Row> = { title: string; value: (row: Row) => string | number | null };

/** Columns for rows already laid out as cells in the columns' order (a chart's figures, a summary line). */
export function cellColumns(titles: readonly string[]): ExportColumn<readonly (string | number | null)[]>[] {
  return titles.map((title, index) => ({ title, value: (row) => row[index] ?? null }));
}

/**
 * Every exported table goes through this one helper: a sheet with a bold heading row, columns
 * sized to their content, downloaded as `<name>.xlsx`. exceljs is loaded on first use only.
 */
export async function exportXlsx<Row>(name: string, columns: readonly ExportColumn<Row>[], rows: readonly Row[]) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.addRow(columns.map((column) => column.title)).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row)));
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(
      ...[columns[index]?.title ?? '', ...rows.map((row) => String(columns[index]?.value(row) ?? ''))].map(
        (text) => text.length,
      ),
    );
    column.width = Math.min(60, Math.max(8, longest * 1.6));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.xlsx`;
  link.click();
  URL.revokeObjectURL(url);
}
