import { describe, expect, it } from 'vitest';
import { mappingProblems, proposeMapping, recognizeHeader } from './headers';

describe('recognizeHeader', () => {
  it.each([
    ['姓名', 'name'],
    ['氏名', 'name'],
    ['Name', 'name'],
    ['姓', 'familyName'],
    ['Family name', 'familyName'],
    ['名', 'givenName'],
    ['读音', 'reading'],
    ['讀音', 'reading'],
    ['フリガナ', 'reading'],
    ['ふりがな', 'reading'],
    ['pinyin', 'reading'],
    ['手机', 'phone'],
    ['手機', 'phone'],
    ['电话', 'phone'],
    ['電話番号', 'phone'],
    ['携帯', 'phone'],
    ['Mobile', 'phone'],
    ['手机号码', 'phone'],
    ['电话2', 'phone'],
    ['邮箱', 'email'],
    ['電子郵件', 'email'],
    ['メールアドレス', 'email'],
    ['E-mail', 'email'],
    ['生日', 'birthday'],
    ['誕生日', 'birthday'],
    ['生年月日', 'birthday'],
    ['Date of birth', 'birthday'],
    ['农历生日', 'lunarBirthday'],
    ['農曆生日', 'lunarBirthday'],
    ['旧暦誕生日', 'lunarBirthday'],
    ['lunar_birthday', 'lunarBirthday'],
    ['性别', 'gender'],
    ['性別', 'gender'],
    ['会员号', 'memberNo'],
    ['會員號', 'memberNo'],
    ['会員番号', 'memberNo'],
    ['member_no', 'memberNo'],
    ['Member No.', 'memberNo'],
    ['地址', 'address'],
    ['住所', 'address'],
    ['邮编', 'postalCode'],
    ['郵遞區號', 'postalCode'],
    ['郵便番号', 'postalCode'],
    ['Postal code', 'postalCode'],
    ['尺码', 'clothingSize'],
    ['尺碼', 'clothingSize'],
    ['サイズ', 'clothingSize'],
    ['鞋码', 'shoeSize'],
    ['靴サイズ', 'shoeSize'],
    ['Shoe size', 'shoeSize'],
    ['肤质', 'skinType'],
    ['膚質', 'skinType'],
    ['肌質', 'skinType'],
    ['备注', 'notes'],
    ['備註', 'notes'],
    ['メモ', 'notes'],
    ['推荐人会员号', 'referredBy'],
    ['推薦人會員號', 'referredBy'],
    ['紹介者会員番号', 'referredBy'],
    ['referred_by', 'referredBy'],
    ['语言', 'language'],
    ['語言', 'language'],
    ['言語', 'language'],
    ['language', 'language'],
    ['Preferred language', 'language'],
    ['沟通语言', 'language'],
    ['接受关怀', 'consentCare'],
    ['接受關懷', 'consentCare'],
    ['ケア連絡可', 'consentCare'],
    ['consent_care', 'consentCare'],
    ['接受营销', 'consentMarketing'],
    ['接受行銷', 'consentMarketing'],
    ['販促連絡可', 'consentMarketing'],
    ['consent_marketing', 'consentMarketing'],
    ['＊姓名（必填）', 'name'],
    ['顾客姓名', 'name'],
  ])('%s → %s', (header, field) => {
    expect(recognizeHeader(header)).toBe(field);
  });

  it.each(['Store name', '推荐人姓名', '门店', '消费金额', ''])('does not guess at %s', (header) => {
    expect(recognizeHeader(header)).toBeNull();
  });
});

describe('proposeMapping', () => {
  it('maps each field once, phones as often as they come', () => {
    expect(proposeMapping(['姓名', '手机', '电话', '备注', '備考', '消费金额'])).toEqual([
      'name',
      'phone',
      'phone',
      'notes',
      'ignore',
      'ignore',
    ]);
  });

  it('explains a mapping that cannot work', () => {
    expect(mappingProblems(['phone', 'email'])[0]).toMatch(/name/);
    expect(mappingProblems(['name', 'familyName'])[0]).toMatch(/not both/);
    expect(mappingProblems(['name', 'email', 'email'])).toEqual(['Several columns are mapped to email']);
    expect(mappingProblems(['familyName', 'givenName', 'phone', 'phone'])).toEqual([]);
  });
});
