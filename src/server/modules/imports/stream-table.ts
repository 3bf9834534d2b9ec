// A CSV file read as a stream: the header is found in the first rows (as readTable does) and the data
// rows come one by one, decoded chunk by chunk, so a file of a million rows never sits in memory as
// cells. XLSX files are read whole (readTable), which is fine at the sizes Excel holds.
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { CsvQuoteError, CsvReader, type CsvRecord } from './csv-reader';
import { detectEncoding, type Encoding } from './encoding';
import { formatOf, readTable, splitHeader, UnreadableFileError, type SheetRow, type TableFormat } from './read-table';
import type { Cell } from './values';

export type RowStream = {
  format: TableFormat;
  encoding: Encoding | null;
  headers: string[];
  headerLine: number;
  rows: Iterable<SheetRow> | AsyncIterable<SheetRow>;
};

const SAMPLE = 64 * 1024;
const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

async function* decodedChunks(path: string, encoding: Encoding): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  if (encoding === 'utf-8') {
    const dec = new TextDecoder('utf-8'); // drops a BOM
    for await (const chunk of stream) yield dec.decode(chunk as Buffer, { stream: true });
    yield dec.decode();
    return;
  }
  const dec = iconv.getDecoder(encoding, { stripBOM: true });
  for await (const chunk of stream) yield dec.write(chunk as Buffer);
  yield dec.end() ?? '';
}

async function* records(path: string, encoding: Encoding): AsyncGenerator<CsvRecord> {
  const reader = new CsvReader();
  try {
    for await (const text of decodedChunks(path, encoding)) yield* reader.push(text);
    yield* reader.end();
  } catch (err) {
    if (err instanceof CsvQuoteError) throw new UnreadableFileError(`This CSV file cannot be read: ${err.message}`);
    throw err;
  }
}

/** Opens a CSV or XLSX file for reading row by row. Throws UnreadableFileError as readTable does. */
export async function openTableStream(
  path: string,
  fileName: string,
  hint?: Parameters<typeof detectEncoding>[1],
): Promise<RowStream> {
  const fh = await open(path, 'r');
  let sample: Buffer;
  let size: number;
  try {
    size = (await fh.stat()).size;
    const buf = Buffer.alloc(Math.min(SAMPLE, size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    sample = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (size === 0) throw new UnreadableFileError('The file is empty');
  if (formatOf(sample, fileName) === 'xlsx') return readTable(await readFile(path), fileName, hint);
  // A cut character at the sample's end must not decide the encoding: cut at the last line break.
  const cut = size > sample.length ? sample.lastIndexOf(0x0a) : -1;
  const detection = detectEncoding(cut > 0 ? sample.subarray(0, cut + 1) : sample, hint);
  if (detection.encoding.startsWith('utf-16')) return readTable(await readFile(path), fileName, hint); // rare; read whole
  if (sample.subarray(0, 8192).includes(0)) throw new UnreadableFileError('This is not a CSV or Excel file');

  const it = records(path, detection.encoding)[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  let nonBlank = 0;
  while (nonBlank < 10) {
    const r = await it.next();
    if (r.done) break;
    head.push(r.value as SheetRow);
    if (!isBlank(r.value.cells)) nonBlank++;
  }
  const { headers, headerLine, data } = splitHeader(head);
  async function* rows(): AsyncGenerator<SheetRow> {
    yield* data;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      if (!isBlank(r.value.cells)) yield r.value as SheetRow;
    }
  }
  return { format: 'csv', encoding: detection.encoding, headers, headerLine, rows: rows() };
}
