import writeXlsxFile from 'write-excel-file/node';
import { CSV_COLUMNS, historyRows, SPANISH_COLUMNS, type CsvOptions } from './history-csv.js';
import type { HistoryRecord } from './history-record.js';

/**
 * The same rows as the CSV export, as an Excel workbook (write-excel-file):
 * no separator or encoding to guess, numbers stay numbers, and text is
 * stored as text, so a nickname like "=1+1" is never run as a formula.
 */
export async function historyXlsx(record: HistoryRecord, lang: CsvOptions['lang']): Promise<Buffer> {
  const header = CSV_COLUMNS.map((key) => ({ value: lang === 'es' ? SPANISH_COLUMNS[key] : key, fontWeight: 'bold' as const }));
  const rows = historyRows(record, lang).map((row) => row.map((value) => (value === '' ? null : value)));
  return writeXlsxFile([header, ...rows], { sheet: lang === 'es' ? 'Respuestas' : 'Answers', stickyRowsCount: 1 }).toBuffer();
}
