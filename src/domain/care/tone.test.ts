import { describe, expect, it } from 'vitest';
import type { Locale } from '../../contracts/common';
import { checkTone, type ToneIssueKind } from './tone';

const found = (text: string, locale: Locale) => checkTone(text, locale).map((f) => [f.kind, f.text]);

describe('tone check', () => {
  it.each<[Locale, string, Array<[ToneIssueKind, string]>]>([
    // 简体中文
    [
      'zh-CN',
      '王女士，中秋快乐！店里中秋活动全场8折，新品已经到货，欢迎来选购。',
      [
        ['shop_event', '活动'],
        ['discount', '8折'],
        ['new_arrival', '新品'],
        ['new_arrival', '到货'],
      ],
    ],
    [
      'zh-CN',
      '生日当月满1000减200，还有优惠券送给您，原价1299元现在只要999元',
      [
        ['promotion', '满1000减'],
        ['promotion', '优惠'],
        ['promotion', '券'],
        ['price', '原价'],
        ['price', '1299元'],
        ['price', '999元'],
      ],
    ],
    [
      'zh-CN',
      '好久不见，您是不是不满意我们了？发生了什么事吗？',
      [
        ['intrusive_question', '是不是不满意'],
        ['intrusive_question', '发生了什么'],
      ],
    ],
    [
      'zh-CN',
      '换季上新，限时九五折',
      [
        ['new_arrival', '上新'],
        ['promotion', '限时'],
        ['discount', '九五折'],
      ],
    ],
    // 繁體中文
    [
      'zh-TW',
      '陳小姐，週年慶開跑！全館下殺5折起，滿3000送300，NT$1,280就能帶回家',
      [
        ['promotion', '週年慶'],
        ['discount', '下殺'],
        ['discount', '5折'],
        ['promotion', '滿3000送'],
        ['price', 'NT$1,280'],
      ],
    ],
    [
      'zh-TW',
      '好久沒來了，怎麼了嗎？最近店內活動很多喔',
      [
        ['intrusive_question', '怎麼了'],
        ['shop_event', '活動'],
      ],
    ],
    [
      'zh-TW',
      '秋季新款上市，會員獨享優惠',
      [
        ['new_arrival', '新款'],
        ['new_arrival', '上市'],
        ['promotion', '優惠'],
      ],
    ],
    // 日本語
    [
      'ja',
      '山田様、新作が入荷しました！期間限定で20%OFFのセールを開催中です。',
      [
        ['new_arrival', '新作'],
        ['new_arrival', '入荷'],
        ['promotion', '限定'],
        ['discount', '20%'],
        ['discount', 'OFF'],
        ['promotion', 'セール'],
      ],
    ],
    [
      'ja',
      'お誕生日特典として3割引クーポンと、税込5,500円のギフトをご用意',
      [
        ['promotion', '特典'],
        ['discount', '3割'],
        ['promotion', 'クーポン'],
        ['price', '税込'],
        ['price', '5,500円'],
      ],
    ],
    [
      'ja',
      'しばらくお見えになりませんが、何かございましたか。受注会のご案内です。',
      [
        ['intrusive_question', '何かございましたか'],
        ['shop_event', '受注会'],
      ],
    ],
    // English
    [
      'en',
      'Happy birthday Emily! Enjoy 20% off with code BDAY, our new arrivals are in store.',
      [
        ['discount', '20% off'],
        ['new_arrival', 'new arrivals'],
      ],
    ],
    [
      'en',
      'Our SALE starts now — prices from $99, free shipping on all orders. Shop now!',
      [
        ['promotion', 'SALE'],
        ['price', 'prices'],
        ['price', '$99'],
        ['promotion', 'free shipping'],
        ['promotion', 'Shop now'],
      ],
    ],
    [
      'en',
      "We haven't seen you in a while — is everything OK? Join us for our autumn event.",
      [
        ['intrusive_question', 'is everything OK'],
        ['shop_event', 'Join us'],
        ['shop_event', 'event'],
      ],
    ],
  ])('%s flags: %s', (locale, text, expected) => {
    expect(found(text, locale)).toEqual(expected);
  });

  it.each<[Locale, string]>([
    ['zh-CN', '王女士，一元复始，万象更新。给您和家人拜年啦！祝您新春大吉、身体健康。'],
    ['zh-CN', '王女士，立冬了，天气一天比一天冷，出门记得加件衣服，手脚保暖。'],
    ['zh-CN', '王女士，好久不见，挺想您的。最近天气变化大，记得照顾好自己，忙的时候也别忘了休息。'],
    ['zh-CN', '元旦快乐！元宵节快乐！'],
    ['zh-TW', '陳小姐，中秋節快樂！不管是烤肉還是賞月，都祝您和家人團團圓圓。'],
    ['zh-TW', '陳小姐，今天立秋，早晚溫差慢慢變大了，記得適時添減衣服、多喝溫開水。'],
    ['ja', '残暑お見舞い申し上げます。山田様、暦の上では秋となりましたが、厳しい暑さが続いております。'],
    ['ja', '山田様、新年あけましておめでとうございます。本年もどうぞよろしくお願いいたします。'],
    [
      'en',
      'Happy Mid-Autumn Festival, Emily! May the full moon bring you and your family togetherness, health and joy.',
    ],
    ['en', 'Hi Emily, it’s been a while and we miss you here at Central! I hope you’re taking good care of yourself.'],
    ['en', 'Thank you for a great deal of kindness, and for the offer of your advice.'],
  ])('%s leaves warm words alone: %s', (locale, text) => {
    expect(checkTone(text, locale)).toEqual([]);
  });

  it('returns spans that point at the words in the original text, in order', () => {
    const text = '王女士，新品八折';
    const findings = checkTone(text, 'zh-CN');
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['新品', '八折']);
    expect(findings.map((f) => f.start)).toEqual([4, 6]);
  });

  it('does not read template variables as text', () => {
    expect(checkTone('{name}，生日快乐！我们为您准备了{benefit}。', 'zh-CN')).toEqual([]);
  });
});
