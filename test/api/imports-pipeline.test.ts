// Customer import through the API, on a real database, into a simplified Chinese store: upload → preview →
// dry run → run in the background → summary; idempotency across encodings and formats; rejected rows with
// their lines while valid rows go in; mappings, unreadable files and who may import. Her language column and
// the Big5 and Shift_JIS stores are in imports-locales.test.ts; the export has its own file
// (customers-export.test.ts).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/db/client';
import { loginAs, type Client, type TestApp } from '../helpers/app';
import { createImportsTestApp, find, fixture, importFile, upload, waitFor } from './imports.helpers';

describe('customer import (simplified Chinese store)', () => {
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    ({ t, owner } = await createImportsTestApp());
  });
  afterAll(() => t.close());

  it('previews an upload: encoding, format, headers, proposed mapping and the first rows', async () => {
    const res = await upload(owner, fixture('customers-utf8-bom.csv'), t.mainStoreId, '会员.csv');
    expect(res.statusCode, res.body).toBe(201);
    const { job, preview } = res.json();
    expect(job).toMatchObject({
      status: 'uploaded',
      total: 5,
      processed: 0,
      canRun: true,
      fileName: '会员.csv',
      encoding: 'utf-8',
      format: 'csv',
    });
    expect(preview.headers.slice(0, 3)).toEqual(['会员号', '姓名', '手机']);
    expect(preview.mapping).toEqual([
      'memberNo',
      'name',
      'phone',
      'email',
      'birthday',
      'lunarBirthday',
      'gender',
      'clothingSize',
      'notes',
      'referredBy',
      'consentCare',
      'consentMarketing',
    ]);
    expect(preview.rows[0]).toEqual({
      line: 2,
      cells: [
        'A001',
        '张伟',
        '138 0013 8000',
        'zhangwei@example.cn',
        '1985-03-12',
        '08-15',
        '男',
        'L',
        '喜欢米色',
        '',
        '是',
        '否',
      ],
    });
    expect((await owner.get(`/api/imports/customers/${job.id}/preview`)).json().total).toBe(5);
  });

  it('dry-runs without writing, then imports for real and forgets the file', async () => {
    const up = (await upload(owner, fixture('customers-utf8-bom.csv'), t.mainStoreId, 'a.csv')).json();
    const id = up.job.id;
    await owner.post(`/api/imports/customers/${id}/run`, { mapping: up.preview.mapping, dryRun: true });
    const dry = await waitFor(owner, id);
    expect(dry.summary).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: [] });
    expect(dry.canRun).toBe(true);
    expect(await find(owner, 'zw')).toEqual([]);

    await owner.post(`/api/imports/customers/${id}/run`, { mapping: up.preview.mapping, dryRun: false });
    const done = await waitFor(owner, id);
    expect(done).toMatchObject({
      status: 'done',
      processed: 5,
      total: 5,
      canRun: false,
      summary: { created: 5, updated: 0, unchanged: 0, rejected: [] },
    });
    const stored = await rows<{ file_bytes: unknown }>(
      t.database.db,
      sql`select file_bytes from import_jobs where id = ${id}`,
    );
    expect(stored).toEqual([{ file_bytes: null }]);
    expect((await owner.post(`/api/imports/customers/${id}/run`, { mapping: up.preview.mapping })).statusCode).toBe(
      409,
    );

    const audit = (await owner.get('/api/audit?action=customers.imported')).json().items;
    expect(audit[0].details).toMatchObject({
      created: 5,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      format: 'csv',
      encoding: 'utf-8',
      via: 'web',
    });
    expect(JSON.stringify(audit[0])).not.toMatch(/张伟|13800138000|example\.cn/);
  });

  it('stores every column the way the API would', async () => {
    const [zhang] = await find(owner, 'zw');
    const c = (await owner.get(`/api/customers/${zhang!.id}`)).json();
    expect(c).toMatchObject({
      memberNo: 'A001',
      familyName: '张',
      givenName: '伟',
      reading: 'Zhang Wei',
      gender: 'male',
      birthday: '1985-03-12',
      email: null,
      emailMasked: 'zh******@example.cn',
      source: 'import',
      lunarBirthday: { month: 8, day: 15, isLeapMonth: false },
    });
    expect(c.profile).toMatchObject({ clothingSize: 'L', notes: '喜欢米色' });
    expect(c.phones[0].masked).toBe('138****8000');
    const consents = Object.fromEntries(
      c.consents.map((k: { channel: string; purpose: string; granted: boolean; method: string }) => [
        `${k.channel}:${k.purpose}`,
        [k.granted, k.method],
      ]),
    );
    expect(consents).toEqual({
      'sms:care': [true, 'import'],
      'phone:care': [true, 'import'],
      'email:care': [true, 'import'],
      'sms:marketing': [false, 'import'],
      'phone:marketing': [false, 'import'],
      'email:marketing': [false, 'import'],
    });

    const nana = (await owner.get(`/api/customers/${(await find(owner, '欧阳娜娜'))[0]!.id}`)).json();
    expect(nana).toMatchObject({
      familyName: '欧阳',
      givenName: '娜娜',
      source: 'referral',
      referredBy: { id: zhang!.id, name: '张伟' },
      profile: { notes: '备注, 含逗号' },
    });
    const li = (await owner.get(`/api/customers/${(await find(owner, '李静'))[0]!.id}`)).json();
    expect(li).toMatchObject({
      birthday: '1988-07-01',
      lunarBirthday: { month: 4, day: 10, isLeapMonth: true },
      profile: { notes: '两行\n备注' },
    });
    expect((await owner.get(`/api/customers/${(await find(owner, '王芳'))[0]!.id}`)).json().birthday).toBe(
      '1990-01-01',
    ); // Excel serial 32874
    expect((await find(owner, '5004')).map((x) => x.displayName)).toEqual(['司马光']); // full-width digits
    const history = (await owner.get(`/api/customers/${zhang!.id}/history`)).json().items;
    expect(history).toEqual([expect.objectContaining({ field: 'created', source: 'import' })]);
  });

  it.each([['customers-utf8-bom.csv'], ['customers-utf8.csv'], ['customers-gb18030.csv'], ['customers.xlsx']])(
    'imports %s again without creating or changing anything',
    async (file) => {
      const job = await importFile(owner, fixture(file), t.mainStoreId, file);
      expect(job.summary).toEqual({ created: 0, updated: 0, unchanged: 5, rejected: [] });
    },
  );

  it('updates only what a row fills or changes, never blanking a stored value', async () => {
    const csv =
      '会员号,姓名,手机,邮箱,生日,尺码,地址,邮编\nA001,张伟,13800138000,,,XL,,\nA003,李静,13911112222,,,,上海市静安区南京西路1号,200040\n';
    const job = await importFile(owner, Buffer.from(csv), t.mainStoreId, 'changes.csv');
    expect(job.summary).toEqual({ created: 0, updated: 2, unchanged: 0, rejected: [] });
    const zhang = (await owner.get(`/api/customers/${(await find(owner, 'zw'))[0]!.id}`)).json();
    expect(zhang).toMatchObject({
      birthday: '1985-03-12',
      emailMasked: 'zh******@example.cn',
      profile: { clothingSize: 'XL', notes: '喜欢米色' },
    });
    const li = (await owner.get(`/api/customers/${(await find(owner, '李静'))[0]!.id}`)).json();
    expect(li.phones.map((p: { masked: string }) => p.masked)).toEqual(['137****7002', '139****2222']);
    expect(li.addresses).toEqual([{ text: '上海市静安区南京西路1号', postalCode: '200040' }]);
    const changed = (await owner.get(`/api/customers/${zhang.id}/history`))
      .json()
      .items.map((h: { field: string; source: string }) => `${h.field}:${h.source}`);
    expect(changed).toContain('profile.clothingSize:import');
    expect((await importFile(owner, Buffer.from(csv), t.mainStoreId, 'changes.csv')).summary).toMatchObject({
      updated: 0,
      unchanged: 2,
    });
  });

  it('reports invalid rows with line, field and reason, and imports the valid ones', async () => {
    const job = await importFile(owner, fixture('customers-messy.csv'), t.mainStoreId, 'messy.csv');
    expect(job.summary!.rejected.map((r) => [r.line, r.field])).toEqual([
      [4, 'birthday'],
      [5, 'phone'],
      [6, 'name'],
      [7, 'memberNo'],
      [8, 'referredBy'],
      [11, 'birthday'],
      [13, 'email'],
      [14, 'gender'],
    ]);
    expect(job.summary).toMatchObject({ created: 4, updated: 0, unchanged: 0 });
    const byLine = Object.fromEntries(job.summary!.rejected.map((r) => [r.line, r.message]));
    expect(byLine[4]).toBe('"2023-02-30" is not a real date (2023-02 has no day 30)');
    expect(byLine[7]).toBe('The same member number is already on line 2');
    expect(byLine[8]).toBe('No customer has this member number');
    expect(byLine[11]).toMatch(/YYYY-MM-DD/);
    // each reason also carries a code and params for the web app's translations
    expect(job.summary!.rejected.map((r) => r.code)).toEqual([
      'no_such_day',
      'phone_too_short',
      'name_missing',
      'duplicate_member_no',
      'unknown_referrer',
      'ambiguous_date',
      'email_invalid',
      'unknown_gender',
    ]);
    expect(job.summary!.rejected[3]!.params).toEqual({ at: 2 });
    // nothing of a rejected row was written
    for (const q of ['M002', '12345', '13800000004', '13800000005', 'M006', '13800000006', 'M008', 'M010', 'M011'])
      expect(await find(owner, q), q).toEqual([]);
    const sun = (await owner.get(`/api/customers/${(await find(owner, 'M007'))[0]!.id}`)).json();
    expect(sun.referredBy.name).toBe('陈静');
    expect(sun.birthday).toBe('1975-12-03');
    expect((await find(owner, 'M012')).map((c) => c.displayName)).toEqual(['林平']);
    expect((await find(owner, '刘洋')).map((c) => [c.memberNo, c.displayName])).toEqual([['VIPABC', '刘洋']]); // letters are fine
  });

  it('lets the user change the mapping, and refuses one without a name', async () => {
    const csv = '姓名,手机,邮箱,消费金额\n赵敏,13511112222,zhaomin@example.cn,800\n';
    const job = await importFile(owner, Buffer.from(csv), t.mainStoreId, 'm.csv', {
      mapping: ['name', 'phone', 'ignore', 'ignore'],
    });
    expect(job.summary).toMatchObject({ created: 1, rejected: [] });
    const c = (await owner.get(`/api/customers/${(await find(owner, '赵敏'))[0]!.id}`)).json();
    expect(c.emailMasked).toBeNull();
    const up = (await upload(owner, Buffer.from(csv), t.mainStoreId, 'm.csv')).json();
    const bad = await owner.post(`/api/imports/customers/${up.job.id}/run`, {
      mapping: ['ignore', 'phone', 'email', 'ignore'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'import_invalid' });
    expect((await owner.post(`/api/imports/customers/${up.job.id}/run`, { mapping: ['name'] })).statusCode).toBe(400);
  });

  it('refuses files it cannot read, and files that are too large', async () => {
    const xls = await upload(owner, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), t.mainStoreId, 'old.xls');
    expect(xls.statusCode).toBe(400);
    expect(xls.json()).toMatchObject({
      code: 'import_invalid',
      params: { reason: expect.stringMatching(/\.xlsx or CSV/) },
    });
    expect((await upload(owner, Buffer.alloc(0), t.mainStoreId, 'empty.csv')).statusCode).toBe(400);
    expect((await upload(owner, Buffer.alloc(21 * 1024 * 1024, 0x41), t.mainStoreId, 'big.csv')).statusCode).toBe(413);
    expect(
      (
        await upload(
          owner,
          fixture('customers.xlsx'),
          t.mainStoreId,
          'c.xlsx',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
      ).json().preview.format,
    ).toBe('xlsx');
  });

  it('lets managers import into their stores only, and not staff', async () => {
    await owner.post('/api/users', {
      email: 'mgr@test.example',
      displayName: '王店长',
      role: 'store_manager',
      password: 'manager-password',
      storeIds: [t.mainStoreId],
    });
    await owner.post('/api/users', {
      email: 'staff@test.example',
      displayName: '小李',
      role: 'staff',
      password: 'staff-password1',
      storeIds: [t.mainStoreId],
    });
    const other = (
      await owner.post('/api/stores', {
        code: 'BJ',
        name: '北京店',
        country: 'CN',
        currency: 'CNY',
        timezone: 'Asia/Shanghai',
        locale: 'zh-CN',
      })
    ).json().id;
    const mgr = await loginAs(t.app, 'mgr@test.example', 'manager-password');
    const staff = await loginAs(t.app, 'staff@test.example', 'staff-password1');
    expect((await upload(staff, fixture('customers-utf8.csv'), t.mainStoreId, 'x.csv')).statusCode).toBe(403);
    expect((await upload(mgr, fixture('customers-utf8.csv'), other, 'x.csv')).statusCode).toBe(400);
    const mine = (await upload(mgr, fixture('customers-utf8.csv'), t.mainStoreId, 'x.csv')).json();
    expect((await mgr.get(`/api/imports/customers/${mine.job.id}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/imports/customers/${mine.job.id}`)).statusCode).toBe(403);
  });

  it('imports a few thousand rows quickly, with progress, and the second time changes nothing', async () => {
    const n = 3000;
    const lines = ['会员号,姓名,手机,邮箱,生日,性别,尺码'];
    for (let i = 0; i < n; i++)
      lines.push(
        `P${i},${'赵钱孙李周吴郑王'[i % 8]}${'伟芳娜静敏杰'[i % 6]}${i},1350000${String(i).padStart(4, '0')},p${i}@example.cn,19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10},${i % 2 ? '女' : '男'},M`,
      );
    const started = performance.now();
    const job = await importFile(owner, Buffer.from(lines.join('\n')), t.mainStoreId, 'many.csv');
    const seconds = (performance.now() - started) / 1000;
    expect(job).toMatchObject({ status: 'done', processed: n, total: n, summary: { created: n, rejected: [] } });
    console.log(`imported ${n} new customers in ${seconds.toFixed(2)} s: ${Math.round(n / seconds)} rows/s`);
    const again = performance.now();
    expect((await importFile(owner, Buffer.from(lines.join('\n')), t.mainStoreId, 'many.csv')).summary).toMatchObject({
      created: 0,
      unchanged: n,
    });
    console.log(`re-import of ${n} unchanged rows: ${Math.round(n / ((performance.now() - again) / 1000))} rows/s`);
    expect((await find(owner, 'P2999')).length).toBe(1);
  });
});
