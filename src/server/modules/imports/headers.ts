// Recognising column headers written in simplified or traditional Chinese, Japanese or English, and
// proposing the column mapping the user then confirms or changes.
import { IGNORE, type ColumnMapping, type ColumnTarget, type ImportField } from '../../../contracts/imports';

// Every alias is compared after normalizeHeader(): NFKC, lower case, no spaces, underscores, dashes,
// brackets or "required" stars, so "Member No.", "member_no" and "ＭＥＭＢＥＲ ＮＯ" are one header.
const ALIASES: Record<ImportField, string[]> = {
  name: [
    '姓名',
    '氏名',
    '名前',
    'お名前',
    '顾客姓名',
    '顧客姓名',
    '客户姓名',
    '客戶姓名',
    '会员姓名',
    '會員姓名',
    '顧客名',
    'お客様名',
    '名字',
    'name',
    'fullname',
    'customername',
    'customer',
  ],
  familyName: ['姓', '姓氏', '苗字', 'familyname', 'lastname', 'surname'],
  givenName: ['名', '下の名前', 'givenname', 'firstname'],
  reading: [
    '读音',
    '讀音',
    '拼音',
    'フリガナ',
    'ふりがな',
    'よみがな',
    'ヨミガナ',
    'カナ',
    'かな',
    'ヨミ',
    '氏名カナ',
    '氏名フリガナ',
    'reading',
    'pinyin',
    'furigana',
    'kana',
  ],
  phone: [
    '手机',
    '手機',
    '手机号',
    '手機號',
    '手机号码',
    '手機號碼',
    '电话',
    '電話',
    '电话号码',
    '電話號碼',
    '電話番号',
    '携帯',
    '携帯電話',
    '携帯番号',
    '联系电话',
    '聯絡電話',
    '連絡先電話番号',
    'mobile',
    'phone',
    'tel',
    'telephone',
    'cell',
    'mobilephone',
    'phonenumber',
  ],
  email: [
    '邮箱',
    '郵箱',
    '电子邮件',
    '電子郵件',
    '电子邮箱',
    '電子信箱',
    '电邮',
    '電郵',
    '邮箱地址',
    '電郵地址',
    'メール',
    'メールアドレス',
    'eメール',
    'email',
    'mail',
    'emailaddress',
  ],
  birthday: [
    '生日',
    '出生日期',
    '誕生日',
    '生年月日',
    '阳历生日',
    '陽曆生日',
    '公历生日',
    '公曆生日',
    'birthday',
    'birthdate',
    'dateofbirth',
    'dob',
  ],
  lunarBirthday: ['农历生日', '農曆生日', '阴历生日', '陰曆生日', '旧暦誕生日', '旧暦の誕生日', 'lunarbirthday'],
  gender: ['性别', '性別', 'gender', 'sex'],
  language: [
    '语言',
    '語言',
    '言語',
    '沟通语言',
    '溝通語言',
    '偏好语言',
    '偏好語言',
    '使用言語',
    '希望言語',
    '連絡言語',
    'language',
    'preferredlanguage',
    'lang',
  ],
  memberNo: [
    '会员号',
    '會員號',
    '会员卡号',
    '會員卡號',
    '会员编号',
    '會員編號',
    '会员编码',
    '卡号',
    '卡號',
    '会員番号',
    '会員no',
    '会員コード',
    '顧客番号',
    'memberno',
    'membernumber',
    'membershipno',
    'membershipnumber',
    'memberid',
    'cardno',
  ],
  address: ['地址', '住址', '联系地址', '聯絡地址', '通讯地址', '通訊地址', '住所', '所在地', 'address'],
  postalCode: [
    '邮编',
    '郵編',
    '邮政编码',
    '郵政編碼',
    '郵遞區號',
    '郵便番号',
    '〒',
    'postalcode',
    'postcode',
    'zip',
    'zipcode',
  ],
  clothingSize: [
    '尺码',
    '尺碼',
    '服装尺码',
    '服裝尺碼',
    '衣服尺码',
    'サイズ',
    '洋服サイズ',
    '服のサイズ',
    'size',
    'clothingsize',
  ],
  shoeSize: ['鞋码', '鞋碼', '鞋号', '靴サイズ', '靴のサイズ', 'shoesize'],
  skinType: ['肤质', '膚質', '皮肤类型', '肌質', '肌タイプ', 'skintype'],
  notes: ['备注', '備註', '備考', 'メモ', '注記', 'notes', 'note', 'remarks', 'memo', 'comments'],
  referredBy: [
    '推荐人会员号',
    '推薦人會員號',
    '紹介者会員番号',
    '推荐人',
    '推薦人',
    '介绍人',
    '介紹人',
    '紹介者',
    'referredby',
    'referrer',
    'referrermemberno',
  ],
  consentCare: [
    '接受关怀',
    '接受關懷',
    '关怀同意',
    '關懷同意',
    'ケア連絡可',
    'フォロー連絡可',
    'consentcare',
    'careconsent',
  ],
  consentMarketing: [
    '接受营销',
    '接受行銷',
    '营销同意',
    '行銷同意',
    '販促連絡可',
    'dm可',
    'consentmarketing',
    'marketingconsent',
  ],
};

// Fields that may take several columns (a mobile and a landline).
const REPEATABLE = new Set<ImportField>(['phone']);

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:：*＊()（）[\]【】「」]/gu, '')
    .trim();
}

const EXACT = new Map<string, ImportField>();
const CONTAINED: Array<{ alias: string; field: ImportField }> = [];
for (const [field, aliases] of Object.entries(ALIASES) as Array<[ImportField, string[]]>) {
  for (const alias of aliases) {
    const a = normalizeHeader(alias);
    EXACT.set(a, field);
    // Longer Chinese/Japanese headers usually wrap an alias (手机号码1, 顾客生日); Latin aliases are only
    // matched whole so that "store name" is not taken for a name.
    if ([...a].length >= 2 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(a))
      CONTAINED.push({ alias: a, field });
  }
}
CONTAINED.sort((x, y) => [...y.alias].length - [...x.alias].length);

/** The field a header names, or null when it is not recognised. */
export function recognizeHeader(header: string): ImportField | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  const exact = EXACT.get(h) ?? EXACT.get(h.replace(/\d+$/, ''));
  if (exact) return exact;
  const field = CONTAINED.find((c) => h.includes(c.alias))?.field ?? null;
  // 推荐人姓名 or 推荐人手机 describe the referrer, not her member number (the only reference we resolve).
  if (field === 'referredBy' && !/会员|會員|会員|番号|no|id/u.test(h)) return null;
  return field;
}

/** One target per column; a field already taken by an earlier column is not proposed twice. */
export function proposeMapping(headers: string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return headers.map((header): ColumnTarget => {
    const field = recognizeHeader(header);
    if (!field || (taken.has(field) && !REPEATABLE.has(field))) return IGNORE;
    taken.add(field);
    return field;
  });
}

/** Problems with a mapping that make every row fail: no name column, or a single field mapped twice. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const has = (f: ImportField) => mapping.includes(f);
  if (!has('name') && !has('familyName'))
    problems.push('No column holds the name (姓名 / 氏名 / name, or 姓 / family name)');
  if (has('name') && (has('familyName') || has('givenName')))
    problems.push('Map either a full name column or family and given name columns, not both');
  const counts = new Map<ColumnTarget, number>();
  for (const t of mapping) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, n] of counts)
    if (t !== IGNORE && n > 1 && !REPEATABLE.has(t)) problems.push(`Several columns are mapped to ${t}`);
  return problems;
}
