// The 24 solar terms (节气) of a solar year, as store-local dates. lunar-typescript gives the instant of
// each term in China Standard Time (UTC+8); we convert it to the store's zone, so 立春 is the day
// Tokyo's calendars print for a Japanese store and Beijing's for a Chinese one (they differ only when
// the term falls in the last hour of the Chinese day).
import { LunarYear } from 'lunar-typescript';
import { SOLAR_TERM_IDS, type SolarTermId } from '../../contracts/care';
import type { Labels } from '../../contracts/custom-fields';
import { localDateOf, type IsoDate } from './dates';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const JD_UNIX_EPOCH = 2440587.5;

// getJieQiJulianDays() starts at 大雪 of the year before: index 2 is 小寒 (January), 25 is 冬至 (December).
const FIRST_INDEX = 2;

const instants = new Map<number, Date[]>();

function termInstants(year: number): Date[] {
  let list = instants.get(year);
  if (!list) {
    const jds = LunarYear.fromYear(year).getJieQiJulianDays();
    list = SOLAR_TERM_IDS.map((_, i) => {
      const jd = jds[FIRST_INDEX + i];
      if (jd === undefined) throw new RangeError(`No solar terms for ${year}`);
      // The Julian day counts Beijing wall-clock time; subtract UTC+8 to get the instant.
      return new Date(Math.round((jd - JD_UNIX_EPOCH) * 86_400_000) - CHINA_OFFSET_MS);
    });
    instants.set(year, list);
  }
  return list;
}

/** The instant a solar term begins in a solar year. */
export function solarTermInstant(term: SolarTermId, year: number): Date {
  const i = SOLAR_TERM_IDS.indexOf(term);
  const instant = termInstants(year)[i];
  if (!instant) throw new RangeError(`Unknown solar term: ${term}`);
  return instant;
}

// Per time zone and year, the date of each term (the planner asks for them once per customer).
const dates = new Map<string, Map<number, Map<SolarTermId, IsoDate>>>();

/** The store-local date of a solar term in a solar year (立春 2026 → 2026-02-04). */
export function solarTermDate(term: SolarTermId, year: number, timeZone = 'Asia/Shanghai'): IsoDate {
  let ofZone = dates.get(timeZone);
  if (!ofZone) dates.set(timeZone, (ofZone = new Map()));
  let ofYear = ofZone.get(year);
  if (!ofYear) ofZone.set(year, (ofYear = new Map()));
  let date = ofYear.get(term);
  if (date === undefined) {
    date = localDateOf(solarTermInstant(term, year), timeZone);
    ofYear.set(term, date);
  }
  return date;
}

/** All 24 terms of a solar year, January (小寒) to December (冬至), as store-local dates. */
export function solarTermsOf(year: number, timeZone = 'Asia/Shanghai'): Array<{ term: SolarTermId; date: IsoDate }> {
  return SOLAR_TERM_IDS.map((term) => ({ term, date: solarTermDate(term, year, timeZone) }));
}

/** The four "beginnings" the season-change greeting follows by default. */
export const SEASON_START_TERMS: readonly SolarTermId[] = ['li_chun', 'li_xia', 'li_qiu', 'li_dong'];

export const SOLAR_TERM_LABELS: Record<SolarTermId, Labels> = {
  xiao_han: { 'zh-CN': '小寒', 'zh-TW': '小寒', ja: '小寒', en: 'Minor Cold' },
  da_han: { 'zh-CN': '大寒', 'zh-TW': '大寒', ja: '大寒', en: 'Major Cold' },
  li_chun: { 'zh-CN': '立春', 'zh-TW': '立春', ja: '立春', en: 'Start of Spring' },
  yu_shui: { 'zh-CN': '雨水', 'zh-TW': '雨水', ja: '雨水', en: 'Rain Water' },
  jing_zhe: { 'zh-CN': '惊蛰', 'zh-TW': '驚蟄', ja: '啓蟄', en: 'Awakening of Insects' },
  chun_fen: { 'zh-CN': '春分', 'zh-TW': '春分', ja: '春分', en: 'Spring Equinox' },
  qing_ming: { 'zh-CN': '清明', 'zh-TW': '清明', ja: '清明', en: 'Clear and Bright' },
  gu_yu: { 'zh-CN': '谷雨', 'zh-TW': '穀雨', ja: '穀雨', en: 'Grain Rain' },
  li_xia: { 'zh-CN': '立夏', 'zh-TW': '立夏', ja: '立夏', en: 'Start of Summer' },
  xiao_man: { 'zh-CN': '小满', 'zh-TW': '小滿', ja: '小満', en: 'Grain Buds' },
  mang_zhong: { 'zh-CN': '芒种', 'zh-TW': '芒種', ja: '芒種', en: 'Grain in Ear' },
  xia_zhi: { 'zh-CN': '夏至', 'zh-TW': '夏至', ja: '夏至', en: 'Summer Solstice' },
  xiao_shu: { 'zh-CN': '小暑', 'zh-TW': '小暑', ja: '小暑', en: 'Minor Heat' },
  da_shu: { 'zh-CN': '大暑', 'zh-TW': '大暑', ja: '大暑', en: 'Major Heat' },
  li_qiu: { 'zh-CN': '立秋', 'zh-TW': '立秋', ja: '立秋', en: 'Start of Autumn' },
  chu_shu: { 'zh-CN': '处暑', 'zh-TW': '處暑', ja: '処暑', en: 'End of Heat' },
  bai_lu: { 'zh-CN': '白露', 'zh-TW': '白露', ja: '白露', en: 'White Dew' },
  qiu_fen: { 'zh-CN': '秋分', 'zh-TW': '秋分', ja: '秋分', en: 'Autumn Equinox' },
  han_lu: { 'zh-CN': '寒露', 'zh-TW': '寒露', ja: '寒露', en: 'Cold Dew' },
  shuang_jiang: { 'zh-CN': '霜降', 'zh-TW': '霜降', ja: '霜降', en: 'Frost Descent' },
  li_dong: { 'zh-CN': '立冬', 'zh-TW': '立冬', ja: '立冬', en: 'Start of Winter' },
  xiao_xue: { 'zh-CN': '小雪', 'zh-TW': '小雪', ja: '小雪', en: 'Minor Snow' },
  da_xue: { 'zh-CN': '大雪', 'zh-TW': '大雪', ja: '大雪', en: 'Major Snow' },
  dong_zhi: { 'zh-CN': '冬至', 'zh-TW': '冬至', ja: '冬至', en: 'Winter Solstice' },
};
