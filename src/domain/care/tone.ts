// The seeds' rule for care messages: warm like a friend, never commercial. The tone check finds what
// makes a care message read like an advert — promotions, discounts, prices and amounts, new arrivals,
// shop events — and, for "long time no see", questions about whether something happened to her. It
// returns the spans so the template editor can highlight them; it warns, it does not forbid.
import type { Locale } from '../../contracts/common';

export type ToneIssueKind = 'promotion' | 'discount' | 'price' | 'new_arrival' | 'shop_event' | 'intrusive_question';

export type ToneFinding = { kind: ToneIssueKind; start: number; end: number; text: string };

type Rule = [ToneIssueKind, RegExp];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (kind: ToneIssueKind, list: string[], flags = 'g'): Rule => [
  kind,
  new RegExp(list.map(escape).join('|'), flags),
];
const latin = (kind: ToneIssueKind, pattern: string): Rule => [kind, new RegExp(`\\b(?:${pattern})\\b`, 'gi')];

// Amounts and symbols read as price talk in any language.
const UNIVERSAL: Rule[] = [
  ['discount', /\d+(?:\.\d+)?\s*[%％]/g],
  ['discount', /\bOFF\b/g],
  ['price', /[¥￥$]\s?\d+(?:,\d{3})*(?:\.\d+)?/g],
  ['price', /\b(?:RMB|CNY|NTD|TWD|HKD|JPY|USD)\s?\d+(?:,\d{3})*(?:\.\d+)?/gi],
  ['price', /(?:NT|HK|US)\$\s?\d+(?:,\d{3})*(?:\.\d+)?/gi],
  // Arabic digits only: 一元复始 (a New Year's phrase) is not a price.
  ['price', /\d+(?:,\d{3})*(?:\.\d+)?\s*(?:元|块|塊|円|圓|蚊)/g],
  ['price', /[百千万萬]\s*(?:元|块|塊|円)/g],
  ['promotion', /\bsales?\b/gi],
];

const ZH_CN: Rule[] = [
  words('promotion', [
    '促销',
    '优惠',
    '特惠',
    '大促',
    '秒杀',
    '限时',
    '抢购',
    '团购',
    '清仓',
    '甩卖',
    '买一送一',
    '买赠',
    '满减',
    '福利',
    '券',
    '包邮',
    '抽奖',
    '返现',
    '双倍积分',
    '积分翻倍',
    '会员日',
  ]),
  ['promotion', /满\s*\d+\s*[减送折]/g],
  words('discount', ['折扣', '打折', '折起', '减价', '降价', '让利', '低至', '半价']),
  ['discount', /(?:\d{1,2}(?:\.\d)?|[一二三四五六七八九]{1,2})\s*折/g],
  words('price', ['价格', '原价', '现价', '特价', '售价', '仅需', '划算']),
  words('new_arrival', ['新品', '新款', '上新', '到货', '新货', '上市', '首发', '新到', '新系列']),
  words('shop_event', ['活动', '店庆', '周年庆', '沙龙', '诚邀', '报名', '邀您参加']),
  words('intrusive_question', [
    '发生了什么',
    '出什么事',
    '出了什么事',
    '怎么了',
    '怎么不来',
    '怎么没来',
    '为什么没来',
    '为什么不来',
    '是不是不满意',
    '有什么不满',
  ]),
];

const ZH_TW: Rule[] = [
  words('promotion', [
    '促銷',
    '優惠',
    '特惠',
    '限時',
    '搶購',
    '團購',
    '清倉',
    '出清',
    '拍賣',
    '買一送一',
    '滿額',
    '福利',
    '券',
    '免運',
    '抽獎',
    '回饋金',
    '點數加倍',
    '週年慶',
    '會員日',
  ]),
  ['promotion', /滿\s*\d+\s*[減送折]/g],
  words('discount', ['折扣', '打折', '折起', '下殺', '降價', '減價', '半價', '低至', '現折']),
  ['discount', /(?:\d{1,2}(?:\.\d)?|[一二三四五六七八九]{1,2})\s*折/g],
  words('price', ['價格', '原價', '售價', '特價', '超值', '划算']),
  words('new_arrival', ['新品', '新款', '上新', '到貨', '新貨', '上市', '首賣', '新到', '新系列']),
  words('shop_event', ['活動', '店慶', '沙龍', '誠摯邀請', '報名', '邀您參加']),
  words('intrusive_question', [
    '發生了什麼',
    '出了什麼事',
    '怎麼了',
    '怎麼都沒來',
    '怎麼沒來',
    '為什麼沒來',
    '為什麼不來',
    '是不是不滿意',
    '有什麼不滿',
  ]),
];

const JA: Rule[] = [
  words('promotion', [
    'セール',
    'バーゲン',
    'キャンペーン',
    'クーポン',
    'お買い得',
    'お得',
    '特典',
    '限定',
    '先行販売',
    '送料無料',
  ]),
  ['promotion', /ポイント\s*\d*\s*倍/g],
  words('discount', ['割引', '値引き', '値下げ', '半額', '激安', '特価']),
  ['discount', /\d+\s*割/g],
  ['discount', /最大\s*\d+/g],
  words('price', ['価格', '税込', '税抜', 'お値段', '定価']),
  words('new_arrival', ['新作', '新商品', '新入荷', '入荷', '新発売', '発売', '新色', '新コレクション']),
  words('shop_event', ['イベント', 'フェア', '展示会', '受注会', 'ご招待', '催し']),
  words('intrusive_question', [
    '何かありましたか',
    '何かございましたか',
    'どうかされましたか',
    'どうされましたか',
    'ご不満',
    'なぜ',
    'どうして',
  ]),
];

const EN: Rule[] = [
  latin(
    'promotion',
    'promotions?|promo(?: code)?s?|deals|best deal|special offers?|offers|limited[- ]time|coupons?|vouchers?|discount codes?|free shipping|clearance|bargains?|buy one,? get one|bogo|shop now|exclusive offers?|double points',
  ),
  latin('discount', 'discount(?:s|ed)?|\\d+\\s*%\\s*off|half[- ]price|marked down|markdowns?'),
  latin('price', 'price[sd]?|pricing'),
  latin(
    'new_arrival',
    'new arrivals?|new collections?|new[- ]season (?:styles|collection|pieces|looks)|just (?:arrived|landed|in)|launch(?:es|ed)?|back in stock|in stock|new in',
  ),
  latin('shop_event', 'events?|trunk shows?|private (?:preview|viewing|sale)|invite you to|rsvp|join us'),
  latin(
    'intrusive_question',
    "is everything (?:ok|okay|alright|all right)|what happened|did something happen|why (?:haven't|have you not|didn't) you|were you (?:unhappy|dissatisfied)|unhappy with us",
  ),
];

const BY_LOCALE: Record<Locale, Rule[]> = { 'zh-CN': ZH_CN, 'zh-TW': ZH_TW, ja: JA, en: EN };

/**
 * Findings in a care text, in order of position; overlapping hits of one phrase are reported once (the
 * longest). Template variables (`{benefit}`) are not text and are skipped.
 */
export function checkTone(text: string, locale: Locale): ToneFinding[] {
  const masked = text.replace(/\{[a-z_]+\}/g, (v) => ' '.repeat(v.length));
  const hits: ToneFinding[] = [];
  for (const [kind, pattern] of [...UNIVERSAL, ...BY_LOCALE[locale]]) {
    for (const m of masked.matchAll(new RegExp(pattern.source, pattern.flags))) {
      if (!m[0]) continue;
      hits.push({ kind, start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ToneFinding[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue; // inside (or overlapping) a longer hit already kept
    out.push(h);
  }
  return out;
}
