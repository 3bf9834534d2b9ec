// A CSV or XLSX file → a header and data rows, each row with the line it came from so that a rejected
// row can be found in the file (CSV: 1-based physical line, the header being line 1 in a plain file;
// XLSX: the sheet's row number).
import ExcelJS from 'exceljs';
import { CsvQuoteError, parseCsvText, type CsvRecord } from './csv-reader';
import { decodeText, detectEncoding, type Encoding } from './encoding';
import { recognizeHeader } from './headers';
import type { Cell } from './values';

export type TableFormat = 'csv' | 'xlsx';
export type SheetRow = { line: number; cells: Cell[] };
export type Table = {
  format: TableFormat;
  encoding: Encoding | null;
  headers: string[];
  headerLine: number;
  rows: SheetRow[];
};

/** The file cannot be read at all (not CSV/XLSX, corrupt, empty). The message is safe to show. */
export class UnreadableFileError extends Error {}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export function formatOf(bytes: Uint8Array, fileName = ''): TableFormat {
  if (isZip(bytes)) return 'xlsx';
  if (isOle(bytes) || /\.xls$/i.test(fileName))
    throw new UnreadableFileError('This is an old Excel (.xls) file: save it as .xlsx or CSV and try again');
  if (/\.(xlsx|xlsm)$/i.test(fileName))
    throw new UnreadableFileError('This .xlsx file is damaged or not really an Excel file');
  return 'csv';
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

// The header is the first row naming at least two known fields within the first ten rows (a title
// line such as "会员名单 2026" may sit above it), else the first non-blank row.
export function splitHeader(rows: SheetRow[]): { headers: string[]; headerLine: number; data: SheetRow[] } {
  const nonBlank = rows.filter((r) => !isBlank(r.cells));
  if (!nonBlank.length) throw new UnreadableFileError('The file holds no rows');
  const candidates = nonBlank.slice(0, 10);
  const at = Math.max(
    0,
    candidates.findIndex((r) => r.cells.filter((c) => typeof c === 'string' && recognizeHeader(c)).length >= 2),
  );
  const header = candidates[at]!;
  let headers = header.cells.map((c) =>
    c === null ? '' : String(c instanceof Date ? c.toISOString().slice(0, 10) : c).trim(),
  );
  while (headers.length && headers.at(-1) === '') headers = headers.slice(0, -1);
  const data = nonBlank.slice(at + 1);
  return { headers, headerLine: header.line, data };
}

export function readCsv(bytes: Uint8Array, hint?: Parameters<typeof detectEncoding>[1]): Table {
  const detection = detectEncoding(bytes, hint);
  if (!detection.encoding.startsWith('utf-16') && bytes.subarray(0, 8192).includes(0))
    throw new UnreadableFileError('This is not a CSV or Excel file');
  let records: CsvRecord[];
  try {
    records = parseCsvText(decodeText(bytes, detection));
  } catch (err) {
    if (err instanceof CsvQuoteError) throw new UnreadableFileError(`This CSV file cannot be read: ${err.message}`);
    throw err;
  }
  return { format: 'csv', encoding: detection.encoding, ...toTable(records as SheetRow[]) };
}

function toTable(rows: SheetRow[]) {
  const { headers, headerLine, data } = splitHeader(rows);
  return { headers, headerLine, rows: data };
}

type XlsxValue = ExcelJS.CellValue;

function xlsxCell(v: XlsxValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : xlsxCell(v.text as XlsxValue);
  if ('formula' in v || 'sharedFormula' in v) {
    const r = v.result;
    return r === undefined || (typeof r === 'object' && !(r instanceof Date)) ? null : r;
  }
  return null; // an error value such as #N/A
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('This Excel file cannot be read; is it damaged or protected by a password?');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('This Excel file has no sheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    // row.values is 1-based (index 0 unused); a sparse row has holes.
    const values = row.values as XlsxValue[];
    for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
    rows.push({ line: rowNumber, cells });
  });
  return { format: 'xlsx', encoding: null, ...toTable(rows) };
}

/** Reads a CSV (any supported encoding) or the first sheet of an XLSX file. */
export async function readTable(
  bytes: Uint8Array,
  fileName = '',
  hint?: Parameters<typeof detectEncoding>[1],
): Promise<Table> {
  if (bytes.length === 0) throw new UnreadableFileError('The file is empty');
  return formatOf(bytes, fileName) === 'xlsx' ? readXlsx(bytes) : readCsv(bytes, hint);
}
