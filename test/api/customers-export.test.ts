// Export of the current customer list through the API: CSV (UTF-8 with BOM) and XLSX, all pages,
// contacts masked for roles that may not see them, audited, and readable back by the import.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/db/client';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';
import { find, fixture, importFile } from './imports.helpers';

describe('customer export', () => {
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await loginAs(t.app, OWNER.email, OWNER.password);
    await owner.post('/api/users', {
      email: 'staff@test.example',
      displayName: '小李',
      role: 'staff',
      password: 'staff-password1',
      storeIds: [t.mainStoreId],
    });
    for (const file of ['customers-utf8-bom.csv', 'customers-messy.csv'])
      expect((await importFile(owner, fixture(file), t.mainStoreId, file)).status).toBe('done');
    const [zhang] = await find(owner, 'A001');
    expect((await owner.patch(`/api/customers/${zhang!.id}`, { language: 'ja' })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('exports the list as CSV (UTF-8, BOM) with contacts for privacy officers, and reads it back unchanged', async () => {
    const res = await owner.request({
      method: 'GET',
      url: '/api/customers/export?format=csv',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('会员号,姓名,读音,手机,邮箱,生日,门店,专属导购,档案完整度,最近到店,语言');
    expect(lines.find((l) => l.startsWith('A001,'))).toMatch(
      /^A001,张伟,Zhang Wei,138 0013 8000,zhangwei@example\.cn,1985-03-12,MAIN,,\d+,,日本語$/,
    );
    const total = (
      await rows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from customers where store_id = ${t.mainStoreId}`,
      )
    )[0]!.n;
    expect(lines.length - 1).toBe(total);
    const back = await importFile(owner, res.rawPayload, t.mainStoreId, 'export.csv');
    expect(back.summary).toEqual({ created: 0, updated: 0, unchanged: total, rejected: [] });
    const audit = (await owner.get('/api/audit?action=customers.exported')).json().items;
    expect(audit[0].details).toEqual({ rows: total, masked: false, format: 'csv', filtered: false, complete: true });
  });

  it('exports a search as XLSX with date cells, masked for roles that may not see contacts', async () => {
    const staff = await loginAs(t.app, 'staff@test.example', 'staff-password1');
    const res = await staff.request({
      method: 'GET',
      url: '/api/customers/export?format=xlsx&q=A001',
      headers: { 'accept-language': 'ja' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '会員番号',
      '氏名',
      'フリガナ',
      '電話番号',
      'メール',
      '誕生日',
      '店舗',
      '担当スタッフ',
      'カルテ充実度',
      '最終来店',
      '言語',
    ]);
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(4).value, row.getCell(5).value]).toEqual([
      'A001',
      '张伟',
      '138****8000',
      'zh******@example.cn',
    ]);
    expect(row.getCell(6).value).toEqual(new Date('1985-03-12T00:00:00Z'));
    expect(row.getCell(11).value).toBe('日本語');
    const audit = (await owner.get('/api/audit?action=customers.exported')).json().items;
    expect(audit[0].details).toEqual({ rows: 1, masked: true, format: 'xlsx', filtered: true, complete: true });
    expect(JSON.stringify(audit[0])).not.toContain('A001');
  });

  it('keeps /api/customers/export apart from /api/customers/:id', async () => {
    expect((await owner.get('/api/customers/export?format=pdf')).statusCode).toBe(400);
    const [zhang] = await find(owner, 'zw');
    expect((await owner.get(`/api/customers/${zhang!.id}`)).json().displayName).toBe('张伟');
    expect(
      (
        await owner.get(`/api/customers/export?format=csv&storeId=${t.mainStoreId}&q=${encodeURIComponent('张伟')}`)
      ).body
        .split('\r\n')
        .filter(Boolean),
    ).toHaveLength(2);
  });
});
