// Customer import through the API, on a real database, in her language and her store's: the column of her
// language (its names in four languages, codes and language names in the cells), and whole files in Big5
// for a Taipei store and Shift_JIS for an Osaka store with their local date and name formats. The import
// itself (preview, dry run, summary, rejected rows) is in imports-pipeline.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../helpers/app';
import { createImportsTestApp, find, fixture, importFile, upload } from './imports.helpers';

describe('customer import: her language', () => {
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    ({ t, owner } = await createImportsTestApp());
  });
  afterAll(() => t.close());

  it.each([['语言'], ['語言'], ['言語'], ['language']])('maps a %s column to her language', async (header) => {
    const up = (await upload(owner, Buffer.from(`姓名,${header}\n王芳,ja\n`), t.mainStoreId, 'l.csv')).json();
    expect(up.preview.mapping).toEqual(['name', 'language']);
  });

  it('reads codes and language names, refuses an unknown one, and never blanks a stored language', async () => {
    const csv = [
      '会员号,姓名,语言',
      'L001,王芳,zh-CN',
      'L002,陈怡君,繁體中文',
      'L003,山田花子,日本語',
      'L004,Emily Wang,English',
      'L005,林美玲,ja',
      'L006,李静,简体中文',
      'L007,周杰,français',
      'L008,吴敏,',
    ].join('\n');
    const job = await importFile(owner, Buffer.from(csv), t.mainStoreId, 'languages.csv');
    expect(job.summary).toMatchObject({ created: 7, updated: 0 });
    expect(job.summary!.rejected).toEqual([
      expect.objectContaining({ line: 8, field: 'language', code: 'unknown_language', params: { value: 'français' } }),
    ]);
    const languageOf = async (memberNo: string) =>
      (await owner.get(`/api/customers/${(await find(owner, memberNo))[0]!.id}`)).json().language;
    expect(
      await Promise.all(['L001', 'L002', 'L003', 'L004', 'L005', 'L006', 'L008'].map((m) => languageOf(m))),
    ).toEqual(['zh-CN', 'zh-TW', 'ja', 'en', 'ja', 'zh-CN', null]);
    expect(await find(owner, 'L007')).toEqual([]);

    // A later file changes her language; an empty cell leaves it as it is.
    const again = await importFile(
      owner,
      Buffer.from('会员号,姓名,言語\nL005,林美玲,zh-TW\nL003,山田花子,\n'),
      t.mainStoreId,
      'again.csv',
    );
    expect(again.summary).toEqual({ created: 0, updated: 1, unchanged: 1, rejected: [] });
    expect([await languageOf('L005'), await languageOf('L003')]).toEqual(['zh-TW', 'ja']);
    const l005 = (await find(owner, 'L005'))[0]!.id;
    const history = (await owner.get(`/api/customers/${l005}/history`)).json().items;
    expect(history[0]).toMatchObject({ field: 'language', oldValue: 'ja', newValue: 'zh-TW', source: 'import' });
  });
});

describe.each([
  [
    'customers-big5.csv',
    { code: 'TPE', name: '台北店', country: 'TW', currency: 'TWD', timezone: 'Asia/Taipei', locale: 'zh-TW' },
    'big5',
    ['張偉', '歐陽娜娜', '李靜', '王芳', '司馬光'],
  ],
  [
    'customers-shift_jis.csv',
    { code: 'OSA', name: '大阪店', country: 'JP', currency: 'JPY', timezone: 'Asia/Tokyo', locale: 'ja' },
    'shift_jis',
    ['山田 花子', '佐藤 太郎', '鈴木 一郎', '高橋 美咲', '田中 健'],
  ],
])('customer import of %s', (file, store, encoding, names) => {
  let t: TestApp;
  let owner: Client;
  let storeId: string;
  beforeAll(async () => {
    ({ t, owner } = await createImportsTestApp());
    storeId = (await owner.post('/api/stores', store)).json().id;
  });
  afterAll(() => t.close());

  it(`detects ${encoding}, imports the list, and a second import creates nothing`, async () => {
    const up = (await upload(owner, fixture(file), storeId, file)).json();
    expect(up.preview.encoding).toBe(encoding);
    const job = await importFile(owner, fixture(file), storeId, file);
    expect(job.summary).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: [] });
    expect((await find(owner, '', storeId)).map((c) => c.displayName).sort()).toEqual([...names].sort());
    expect((await importFile(owner, fixture(file), storeId, file)).summary).toEqual({
      created: 0,
      updated: 0,
      unchanged: 5,
      rejected: [],
    });
  });

  it('reads the local formats', async () => {
    const first = (await owner.get(`/api/customers/${(await find(owner, 'A003'))[0]!.id}`)).json();
    expect(first.birthday).toBe('1988-07-01'); // 民國77年7月1日 / 1988年7月1日
    if (encoding === 'shift_jis') {
      const yamada = (await owner.get(`/api/customers/${(await find(owner, 'やまだ'))[0]!.id}`)).json();
      expect(yamada).toMatchObject({
        familyName: '山田',
        givenName: '花子',
        reading: 'ヤマダ ハナコ',
        gender: 'female',
        birthday: '1985-03-12',
      });
      expect(yamada.phones[0].masked).toBe('090****5678');
      const sato = (await owner.get(`/api/customers/${(await find(owner, 'A002'))[0]!.id}`)).json();
      expect(sato).toMatchObject({
        familyName: '佐藤',
        givenName: '太郎',
        birthday: '1990-05-06',
        referredBy: { name: '山田 花子' },
      });
      expect(sato.consents.filter((k: { granted: boolean }) => k.granted).length).toBe(4); // ○ ○ on sms and phone
    } else {
      expect(first.lunarBirthday).toMatchObject({ month: 4, day: 10, isLeapMonth: true });
      expect((await owner.get(`/api/customers/${(await find(owner, 'A002'))[0]!.id}`)).json()).toMatchObject({
        familyName: '歐陽',
        givenName: '娜娜',
      });
    }
  });
});
