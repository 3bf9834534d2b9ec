#!/usr/bin/env node
// Writes the customer-import fixtures in test/fixtures/import/: one small customer list as CSV in UTF-8
// (with a BOM, Chinese headers; without, English headers), GB18030 (simplified), Big5 (traditional)
// and Shift_JIS (Japanese), as XLSX with real date cells and an Excel serial number, and a messy file
// full of the mistakes real spreadsheets hold. Run: node scripts/make-import-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const dir = fileURLToPath(new URL('../test/fixtures/import/', import.meta.url));
mkdirSync(dir, { recursive: true });

const csvField = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows, eol = '\r\n') => rows.map((r) => r.map(csvField).join(',')).join(eol) + eol;

// The list: member number, name, phone, e-mail, birthday, lunar birthday, gender, size, notes,
// referrer's member number, care consent, marketing consent. A002 was referred by A001, A004 by A002.
const zhCN = {
  headers: [
    '会员号',
    '姓名',
    '手机',
    '邮箱',
    '生日',
    '农历生日',
    '性别',
    '尺码',
    '备注',
    '推荐人会员号',
    '接受关怀',
    '接受营销',
  ],
  rows: [
    [
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
    ['A002', '欧阳娜娜', '13900139001', '', '1990/5/6', '', '女', 'S', '备注, 含逗号', 'A001', '是', '是'],
    [
      'A003',
      '李静',
      '13700137002',
      'lijing@example.cn',
      '1988年7月1日',
      '闰04-10',
      '女',
      'M',
      '两行\n备注',
      '',
      '否',
      '否',
    ],
    ['A004', '王芳', '13600136003', '', '32874', '', '女', '', '', 'A002', '', ''],
    ['A005', '司马光', '１３５００１３５００４', '', '', '', '男', 'XL', '', '', '是', ''],
  ],
};
const zhTW = {
  headers: [
    '會員號',
    '姓名',
    '手機',
    '郵箱',
    '生日',
    '農曆生日',
    '性別',
    '尺碼',
    '備註',
    '推薦人會員號',
    '接受關懷',
    '接受行銷',
  ],
  rows: [
    [
      'A001',
      '張偉',
      '138 0013 8000',
      'zhangwei@example.cn',
      '1985-03-12',
      '08-15',
      '男',
      'L',
      '喜歡米色',
      '',
      '是',
      '否',
    ],
    ['A002', '歐陽娜娜', '13900139001', '', '1990/5/6', '', '女', 'S', '備註, 含逗號', 'A001', '是', '是'],
    [
      'A003',
      '李靜',
      '13700137002',
      'lijing@example.cn',
      '民國77年7月1日',
      '閏04-10',
      '女',
      'M',
      '兩行\n備註',
      '',
      '否',
      '否',
    ],
    ['A004', '王芳', '13600136003', '', '32874', '', '女', '', '', 'A002', '', ''],
    ['A005', '司馬光', '１３５００１３５００４', '', '', '', '男', 'XL', '', '', '是', ''],
  ],
};
const ja = {
  headers: [
    '会員番号',
    '氏名',
    'フリガナ',
    '電話番号',
    'メール',
    '誕生日',
    '旧暦誕生日',
    '性別',
    'サイズ',
    'メモ',
    '紹介者会員番号',
    'ケア連絡可',
    '販促連絡可',
  ],
  rows: [
    [
      'A001',
      '山田 花子',
      'ヤマダ ハナコ',
      '090-1234-5678',
      'hanako@example.jp',
      '1985/3/12',
      '',
      '女性',
      'M',
      'ベージュが好き',
      '',
      'はい',
      'いいえ',
    ],
    [
      'A002',
      '佐藤　太郎',
      'サトウ タロウ',
      '080-2222-3333',
      '',
      '平成2年5月6日',
      '',
      '男性',
      'L',
      'メモ, カンマ入り',
      'A001',
      '○',
      '○',
    ],
    [
      'A003',
      '鈴木 一郎',
      'スズキ イチロウ',
      '070-3333-4444',
      'ichiro@example.jp',
      '1988年7月1日',
      '',
      '男性',
      '',
      '二行の\nメモ',
      '',
      '×',
      '×',
    ],
    ['A004', '高橋 美咲', 'タカハシ ミサキ', '090-5555-6666', '', '32874', '', '女性', 'S', '', 'A002', '', ''],
    ['A005', '田中 健', 'タナカ ケン', '０９０－７７７７－８８８８', '', '', '', '男性', '', '', '', 'はい', ''],
  ],
};
const en = {
  headers: [
    'member_no',
    'name',
    'mobile',
    'email',
    'birthday',
    'lunar_birthday',
    'gender',
    'size',
    'notes',
    'referred_by',
    'consent_care',
    'consent_marketing',
  ],
  rows: zhCN.rows.map((r) => [
    ...r.slice(0, 6),
    r[6] === '男' ? 'M' : 'F',
    ...r.slice(7, 10),
    r[10] === '是' ? 'yes' : r[10] === '否' ? 'no' : '',
    r[11] === '是' ? 'yes' : r[11] === '否' ? 'no' : '',
  ]),
};

const write = (name, bytes) => {
  writeFileSync(dir + name, bytes);
  console.log(`${name}: ${bytes.length} bytes`);
};

write(
  'customers-utf8-bom.csv',
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([zhCN.headers, ...zhCN.rows]), 'utf8')]),
);
write('customers-utf8.csv', Buffer.from(csv([en.headers, ...en.rows], '\n'), 'utf8'));
write('customers-gb18030.csv', iconv.encode(csv([zhCN.headers, ...zhCN.rows]), 'gb18030'));
write('customers-big5.csv', iconv.encode(csv([zhTW.headers, ...zhTW.rows]), 'big5'));
write('customers-shift_jis.csv', iconv.encode(csv([ja.headers, ...ja.rows]), 'shift_jis'));

// XLSX: a title line above the header (row 2), birthdays as real date cells, one as a bare Excel serial
// number (32874 = 1990-01-01), phones as numbers the way Excel stores them when typed.
const workbook = new ExcelJS.Workbook();
workbook.created = workbook.modified = new Date('2026-01-01T00:00:00Z');
const sheet = workbook.addWorksheet('会员');
sheet.addRow(['会员名单 2026']);
sheet.addRow(zhCN.headers);
const dates = {
  A001: new Date(Date.UTC(1985, 2, 12)),
  A002: new Date(Date.UTC(1990, 4, 6)),
  A003: new Date(Date.UTC(1988, 6, 1)),
  A004: 32874,
  A005: null,
};
for (const r of zhCN.rows) {
  const phone = Number(r[2].normalize('NFKC').replace(/\D/g, ''));
  const row = sheet.addRow([
    r[0],
    r[1],
    phone,
    r[3] || null,
    dates[r[0]],
    r[5] || null,
    r[6],
    r[7] || null,
    r[8] || null,
    r[9] || null,
    r[10] || null,
    r[11] || null,
  ]);
  if (dates[r[0]] instanceof Date) row.getCell(5).numFmt = 'yyyy-mm-dd';
}
write('customers.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));

// The messy file (UTF-8, CRLF). Its line numbers are what the tests expect in the summary:
//  2 valid, with a two-line note (lines 2-3)        9 blank line (skipped)
//  4 impossible date 2023-02-30                     10 valid, referred by M001
//  5 phone too short                                11 ambiguous date 03/04/1990
//  6 no name                                        12 member number with letters (fine)
//  7 member number M001 again                       13 e-mail without a domain
//  8 full-width digits (fine); referrer ZZZ999 is   14 gender "?"
//    unknown → rejected                             15 full-width member number and phone (fine)
const messy = [
  ['会员号', '姓名', '手机', '邮箱', '生日', '性别', '备注', '推荐人会员号'],
  ['M001', '陈静', '13800000001', 'chen@example.cn', '1980-01-31', '女', '第一行\r\n第二行', ''],
  ['M002', '周杰', '13800000002', '', '2023-02-30', '男', '', ''],
  ['M003', '吴敏', '12345', '', '', '女', '', ''],
  ['M004', '', '13800000004', '', '', '', '', ''],
  ['M001', '陈静', '13800000005', '', '', '女', '', ''],
  ['M006', '郑洁', '１３８０００００００６', '', '１９９１－０２－２８', '女', '', 'ZZZ999'],
  null,
  ['M007', '孙丽', '13800000007', '', '1975.12.3', '女', '', 'M001'],
  ['M008', '马超', '13800000008', '', '03/04/1990', '男', '', ''],
  ['VIP-ABC', '刘洋', '13800000009', '', '25/12/1992', '男', '', ''],
  ['M010', '黄蓉', '13800000010', 'huangrong@', '', '女', '', ''],
  ['M011', '杨过', '13800000011', '', '', '?', '', ''],
  ['Ｍ０１２', '林平', '１３８　００００　００１２', '', '', '男', '', ''],
];
write(
  'customers-messy.csv',
  Buffer.from(messy.map((r) => (r ? r.map(csvField).join(',') : '')).join('\r\n') + '\r\n', 'utf8'),
);
