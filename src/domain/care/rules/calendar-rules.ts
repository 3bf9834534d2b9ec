// Care on days of the calendar: her birthday (solar or lunar), the market's holidays for those they
// concern, and the change of season at the solar terms (or configured dates).
import type { RuleConfig, SolarTermId } from '../../../contracts/care';
import { birthdayOccurrencesBetween } from '../birthdays';
import { addDays, daysInMonth, isoDate, type IsoDate } from '../dates';
import { matchesAudience, type Audience } from '../facts';
import { holidaysBetween, isHolidayEnabled } from '../holidays';
import { solarTermDate } from '../solar-terms';
import type { Occasion, RuleContext, RuleDefinition } from './types';

export const birthday: RuleDefinition<'birthday'> = {
  id: 'birthday',
  occasionsDueBetween(config, facts, _ctx, from, to) {
    return birthdayOccurrencesBetween(facts, from, to, { prefer: config.prefer, leapDay: config.leapDay }).map(
      (b): Occasion => ({
        ruleId: 'birthday',
        key: b.key,
        customerId: facts.customerId,
        occasionDate: b.date,
        createOn: addDays(b.date, -config.leadDays),
        dueOn: b.date,
        assignee: 'owner_guide',
        kinds: config.kinds,
        category: 'birthday',
        reasonKey: b.calendar === 'lunar' ? 'care.reasons.birthday_lunar' : 'care.reasons.birthday',
        reasonParams:
          b.calendar === 'lunar' && facts.lunarBirthday
            ? {
                date: b.date,
                lunar: {
                  month: facts.lunarBirthday.month,
                  day: facts.lunarBirthday.day,
                  isLeapMonth: facts.lunarBirthday.isLeapMonth,
                },
              }
            : { date: b.date },
        rank: 0,
      }),
    );
  },
  maxLeadDays: (config) => config.leadDays,
  lookbackDays: () => 0,
};

/**
 * The holiday greetings due in [from, to] before anyone's audience is asked: each occasion (with an empty
 * customerId) and whom it is for. The planner computes these once per day; the rule asks her audience.
 */
export function holidayGreetingsBetween(
  config: RuleConfig<'holiday'>,
  ctx: RuleContext,
  from: IsoDate,
  to: IsoDate,
): Array<{ audience: Audience; occasion: Occasion }> {
  if (!ctx.market) return [];
  const out: Array<{ audience: Audience; occasion: Occasion }> = [];
  for (const { holiday: def, date } of holidaysBetween(ctx.market, from, to, ctx.timeZone)) {
    if (!isHolidayEnabled(def, config.holidays)) continue;
    const audience: Audience =
      def.audience.kind === 'elders' && config.elderMinAge !== null
        ? { kind: 'elders', minAge: config.elderMinAge }
        : def.audience;
    out.push({
      audience,
      occasion: {
        ruleId: 'holiday',
        key: `holiday:${def.id}:${date.slice(0, 4)}`,
        customerId: '',
        occasionDate: date,
        createOn: addDays(date, -config.leadDays),
        dueOn: date,
        assignee: 'owner_guide',
        kinds: config.kinds,
        category: 'holiday',
        reasonKey: 'care.reasons.holiday',
        reasonParams: { holiday: def.id, date },
        rank: def.rank,
      },
    });
  }
  return out;
}

export const holiday: RuleDefinition<'holiday'> = {
  id: 'holiday',
  occasionsDueBetween(config, facts, ctx, from, to) {
    return holidayGreetingsBetween(config, ctx, from, to)
      .filter((g) => matchesAudience(g.audience, facts, g.occasion.occasionDate))
      .map((g) => ({ ...g.occasion, customerId: facts.customerId }));
  },
  maxLeadDays: (config) => config.leadDays,
  lookbackDays: () => 0,
};

/** Configured season keys that stand for one of the four "beginning" terms (for wording and labels). */
export const SEASON_KEY_TERMS: Record<string, SolarTermId> = {
  spring: 'li_chun',
  summer: 'li_xia',
  autumn: 'li_qiu',
  winter: 'li_dong',
};

export const seasonChange: RuleDefinition<'season_change'> = {
  id: 'season_change',
  occasionsDueBetween(config, facts, ctx, from, to) {
    const out: Occasion[] = [];
    const push = (key: string, date: IsoDate, term: SolarTermId | undefined, season: string) =>
      out.push({
        ruleId: 'season_change',
        key,
        customerId: facts.customerId,
        occasionDate: date,
        createOn: addDays(date, -config.leadDays),
        dueOn: date,
        assignee: 'owner_guide',
        kinds: config.kinds,
        category: 'season_change',
        reasonKey: 'care.reasons.season_change',
        reasonParams: term ? { term, season, date } : { season, date },
        rank: 0,
      });
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) {
      if (config.mode === 'solar_terms') {
        for (const term of config.terms) {
          const date = solarTermDate(term, y, ctx.timeZone);
          if (date >= from && date <= to) push(`season_change:${term}:${y}`, date, term, term);
        }
      } else {
        for (const f of config.fixedDates) {
          const [m, d] = [Number(f.monthDay.slice(0, 2)), Number(f.monthDay.slice(3, 5))];
          if (d > daysInMonth(y, m)) continue; // 29 February in a common year, or a day a month lacks
          const date = isoDate(y, m, d);
          if (date >= from && date <= to) push(`season_change:${f.key}:${y}`, date, SEASON_KEY_TERMS[f.key], f.key);
        }
      }
    }
    return out;
  },
  maxLeadDays: (config) => config.leadDays,
  lookbackDays: () => 0,
};
