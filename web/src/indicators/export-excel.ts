/** Writes a table to an .xlsx file and lets the browser download it; exceljs loads only when asked. */
export async function downloadExcel(name: string, columns: string[], rows: (string | number | null)[][]) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(columns).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  link.download = `${name}.xlsx`;
  link.click();
  URL.revokeObjectURL(link.href);
}
