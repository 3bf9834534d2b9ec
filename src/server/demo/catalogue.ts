// The demo brand's catalogue: style numbers across the default categories, priced in CNY and converted
// for Taiwan and Japan stores at round, believable price points.
export type DemoProduct = {
  styleNo: string;
  name: { 'zh-CN': string; 'zh-TW': string; ja: string };
  category: string;
  priceCny: number;
  season: string;
};

const P = (
  styleNo: string,
  cn: string,
  tw: string,
  ja: string,
  category: string,
  priceCny: number,
  season: string,
): DemoProduct => ({ styleNo, name: { 'zh-CN': cn, 'zh-TW': tw, ja }, category, priceCny, season });

export const DEMO_PRODUCTS: DemoProduct[] = [
  P('DR-2601', '真丝连衣裙', '真絲連身裙', 'シルクワンピース', 'clothing', 1599, '2026SS'),
  P('DR-2602', '碎花雪纺裙', '碎花雪紡裙', '花柄シフォンスカート', 'clothing', 899, '2026SS'),
  P('BL-2603', '棉麻衬衫', '棉麻襯衫', 'リネンシャツ', 'clothing', 599, '2026SS'),
  P('TR-2604', '九分西裤', '九分西褲', 'クロップドパンツ', 'clothing', 699, '2026SS'),
  P('CO-2605', '双面羊绒大衣', '雙面羊絨大衣', 'ダブルフェイスカシミヤコート', 'clothing', 4299, '2026AW'),
  P('CO-2606', '风衣', '風衣', 'トレンチコート', 'clothing', 2399, '2026AW'),
  P('KN-2607', '羊绒衫', '羊絨衫', 'カシミヤニット', 'knitwear', 999, '2026AW'),
  P('KN-2608', '针织开衫', '針織開衫', 'ニットカーディガン', 'knitwear', 699, '2026AW'),
  P('SU-2609', '羊毛西服套装', '羊毛西服套裝', 'ウールスーツ', 'suits', 3680, '2026AW'),
  P('SU-2610', '休闲西服', '休閒西服', 'カジュアルジャケット', 'suits', 1680, '2026SS'),
  P('LE-2611', '小羊皮夹克', '小羊皮夾克', 'ラムレザージャケット', 'leather', 5980, '2026AW'),
  P('LE-2612', '真皮手袋', '真皮手提包', 'レザーハンドバッグ', 'leather', 2680, '2026SS'),
  P('SH-2613', '羊皮乐福鞋', '羊皮樂福鞋', 'レザーローファー', 'shoes', 1280, '2026SS'),
  P('AC-2614', '真丝丝巾', '真絲絲巾', 'シルクスカーフ', 'accessories', 399, '2026SS'),
  P('AC-2615', '珍珠耳环', '珍珠耳環', 'パールピアス', 'accessories', 299, '2026AW'),
  P('SK-2616', '玻尿酸精华', '玻尿酸精華', 'ヒアルロン酸美容液', 'skincare', 580, '2026SS'),
];

export const DEMO_SERVICES = [
  { name: { 'zh-CN': '深层补水护理', 'zh-TW': '深層補水護理', ja: '保湿フェイシャル' }, minutes: 60, priceCny: 380 },
  { name: { 'zh-CN': '肩颈舒缓', 'zh-TW': '肩頸舒緩', ja: '肩こりほぐし' }, minutes: 45, priceCny: 280 },
];

const RATE: Record<string, number> = { CNY: 1, TWD: 4.4, JPY: 20, HKD: 1.1 };

/** A CNY price converted and rounded to the store's usual price points, in minor units. */
export function localPrice(priceCny: number, currency: string): number {
  const raw = priceCny * (RATE[currency] ?? 1);
  if (currency === 'JPY') return Math.round(raw / 100) * 100; // yen has no minor unit
  const rounded = currency === 'TWD' ? Math.round(raw / 10) * 10 : Math.round(raw);
  return rounded * 100;
}
