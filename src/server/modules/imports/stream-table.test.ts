import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';
import { openTableStream } from './stream-table';

const dir = mkdtempSync(join(tmpdir(), 'keqing-stream-'));

async function both(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const stream = await openTableStream(path, name);
  const rows = [];
  for await (const r of stream.rows) rows.push(r);
  return { stream: { ...stream, rows }, whole: await readTable(bytes, name) };
}

describe('openTableStream', () => {
  it('reads a large GB18030 file in chunks exactly as readTable reads it whole', async () => {
    const lines = ['小票号,日期,会员号,品名,备注'];
    // Over 2 MiB, so the 1 MiB read chunks cut multi-byte characters and quoted fields.
    for (let i = 0; i < 30_000; i++)
      lines.push(`P${i},2026-10-01,V${i % 50},真丝连衣裙${i},${i % 7 === 0 ? `"第一行\r\n第二行, ""引号"""` : '羊绒'}`);
    const { stream, whole } = await both('pos.csv', iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
    expect(stream.encoding).toBe('gb18030');
    expect(stream.headers).toEqual(whole.headers);
    expect(stream.rows.length).toBe(30_000);
    expect(stream.rows).toEqual(whole.rows);
    expect(stream.rows[7]!.cells[4]).toBe('第一行\n第二行, "引号"');
    expect(stream.rows[8]!.line).toBe(12); // rows 0 and 7 span two physical lines each
  });

  it('drops a UTF-8 BOM and skips blank lines and rows of empty cells', async () => {
    const text = '\ufeff\n\nreceipt_no,date,amount\nR1,2026-09-01,100\n,,\nR2,2026-09-02,"1,280.00"\n';
    const { stream, whole } = await both('r.csv', Buffer.from(text));
    expect(stream).toMatchObject({ encoding: 'utf-8', headerLine: 3, headers: ['receipt_no', 'date', 'amount'] });
    expect(stream.rows).toEqual(whole.rows);
    expect(stream.rows.map((r) => [r.line, r.cells[2]])).toEqual([
      [4, '100'],
      [6, '1,280.00'],
    ]);
  });
});
