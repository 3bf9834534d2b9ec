// Tier rules and benefits in words, in the reader's language and her store's currency.
import type { TFunction } from 'i18next';
import type { Labels } from '../../../../contracts/custom-fields';
import { formatMoney } from '../../../lib/format';
import type { Tier } from '../api/loyalty';

export const TIER_COLOURS: Record<number, string> = { 1: 'gray', 2: 'yellow', 3: 'indigo', 4: 'cyan' };

export function labelOf(labels: Labels | undefined, lng: string, fallback: string): string {
  return labels?.[lng as keyof Labels] ?? labels?.en ?? fallback;
}

/** "Spend ¥5,000.00 or 6 visits within 365 days" — or "Every member" for the entry tier. */
export function describeRule(
  t: TFunction,
  q: Tier['qualification'],
  currency: string,
  lng: string,
  windowDays: number,
) {
  const min = q.spend?.[currency];
  const spend = min !== undefined ? t('loyalty.rule.spend', { amount: formatMoney(min, currency, lng) }) : null;
  const visits = q.visits ? t('loyalty.rule.visits', { count: q.visits }) : null;
  if (!spend && !visits)
    return q.spend && Object.keys(q.spend).length ? t('loyalty.rule.otherCurrency') : t('loyalty.rule.everyone');
  const both =
    spend && visits
      ? t(q.combine === 'and' ? 'loyalty.rule.and' : 'loyalty.rule.or', { spend, visits })
      : (spend ?? visits);
  return t('loyalty.rule.within', { rule: both, days: windowDays });
}

/** Her benefits as a list of short lines. */
export function describeBenefits(t: TFunction, b: Tier['benefits'], lng: string): string[] {
  const out: string[] = [];
  if (b.discountPercent > 0) out.push(t('loyalty.benefit.discount', { percent: b.discountPercent }));
  if (b.birthdayMonthPricePercent !== null && b.birthdayMonthPricePercent < 100)
    out.push(t('loyalty.benefit.birthday', { percent: b.birthdayMonthPricePercent }));
  if (b.pointsMultiplier !== 1) out.push(t('loyalty.benefit.points', { times: b.pointsMultiplier }));
  for (const s of b.freeServices)
    out.push(t('loyalty.benefit.free', { name: labelOf(s.labels, lng, s.key), count: s.perYear }));
  if (b.eventInvitations) out.push(t('loyalty.benefit.events'));
  return out;
}
