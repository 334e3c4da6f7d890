// RFC 4180 CSV. Cells that a spreadsheet would take for a formula (=, +, -,
// @, tab, CR at the start) are prefixed with a quote mark, so an exported
// command such as `=cmd|' /C calc'!A0` stays text.

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
