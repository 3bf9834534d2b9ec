import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeMapping } from './headers';
import { readTable, UnreadableFileError } from './read-table';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/import/${name}`, import.meta.url));
const names = {
  cn: ['张伟', '欧阳娜娜', '李静', '王芳', '司马光'],
  tw: ['張偉', '歐陽娜娜', '李靜', '王芳', '司馬光'],
  ja: ['山田 花子', '佐藤　太郎', '鈴木 一郎', '高橋 美咲', '田中 健'],
};

describe('readTable', () => {
  it.each([
    ['customers-utf8-bom.csv', 'utf-8', names.cn],
    ['customers-utf8.csv', 'utf-8', names.cn],
    ['customers-gb18030.csv', 'gb18030', names.cn],
    ['customers-big5.csv', 'big5', names.tw],
    ['customers-shift_jis.csv', 'shift_jis', names.ja],
  ])(
    'reads %s (%s) with quoted commas, line breaks inside a field and physical line numbers',
    async (file, encoding, expected) => {
      const t = await readTable(fixture(file), file);
      expect(t.format).toBe('csv');
      expect(t.encoding).toBe(encoding);
      expect(t.headerLine).toBe(1);
      const nameAt = proposeMapping(t.headers).indexOf('name');
      expect(t.rows.map((r) => r.cells[nameAt])).toEqual(expected);
      // the third customer's note spans lines 4-5, so the fourth customer is on line 6
      expect(t.rows.map((r) => r.line)).toEqual([2, 3, 4, 6, 7]);
      expect(t.rows[2]!.cells.some((c) => typeof c === 'string' && c.includes('\n'))).toBe(true);
    },
  );

  it('reads the first sheet of an XLSX file below its title row, with date cells and numbers', async () => {
    const t = await readTable(fixture('customers.xlsx'), 'customers.xlsx');
    expect(t).toMatchObject({ format: 'xlsx', encoding: null, headerLine: 2 });
    expect(t.headers.slice(0, 5)).toEqual(['会员号', '姓名', '手机', '邮箱', '生日']);
    expect(t.rows.map((r) => r.line)).toEqual([3, 4, 5, 6, 7]);
    expect(t.rows[0]!.cells[4]).toBeInstanceOf(Date);
    expect(t.rows[3]!.cells[4]).toBe(32874);
    expect(t.rows[0]!.cells[2]).toBe(13800138000);
  });

  it('skips blank lines and rows of empty cells, keeping CRLF line numbers exact', async () => {
    const t = await readTable(
      Buffer.from('姓名,手机\r\n\r\n王芳,13600136003\r\n,\r\n"李\r\n静",13700137002\r\n赵敏,13500135000'),
      'x.csv',
    );
    expect(t.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, '王芳'],
      [5, '李\n静'],
      [7, '赵敏'],
    ]);
  });

  it('reads tab- and semicolon-separated text', async () => {
    expect((await readTable(Buffer.from('姓名\t手机\n王芳\t13600136003\n'))).rows[0]!.cells).toEqual([
      '王芳',
      '13600136003',
    ]);
    expect((await readTable(Buffer.from('name;phone\nWang;13600136003\n'))).headers).toEqual(['name', 'phone']);
  });

  it('refuses what it cannot read, saying why', async () => {
    await expect(readTable(Buffer.alloc(0))).rejects.toThrow(UnreadableFileError);
    await expect(readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'old.xls')).rejects.toThrow(/\.xls/);
    await expect(readTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).rejects.toThrow(
      UnreadableFileError,
    );
    await expect(readTable(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'photo.png')).rejects.toThrow(
      /not a CSV/,
    );
    await expect(readTable(Buffer.from('\n\n'), 'blank.csv')).rejects.toThrow(/no rows/);
  });
});
