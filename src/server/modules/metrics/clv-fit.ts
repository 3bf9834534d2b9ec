// `keqing clv fit`: BG/NBD and Gamma-Gamma fitted on the purchases up to a date, as in the literature —
// one transaction per customer and store-local day, the first purchase starts her clock, time in weeks,
// spend per repeat transaction with no outlier cap — from an RFM summary computed in SQL.
import { sql } from 'drizzle-orm';
import {
  CLV_MINIMUMS,
  fitBgNbd,
  fitGammaGamma,
  type BgNbdFit,
  type GammaGammaFit,
  type NotEnoughReason,
} from '../../../domain/clv';
import { currencyDigits } from '../../../domain/money';
import type { Db } from '../../db/client';
import { rows } from '../../db/client';
import { compressGroups } from './clv-models';

export type ClvFitOptions = { storeCode?: string; until?: string; minCustomers?: number; minRepeatCustomers?: number };
export type ClvFitReport =
  | {
      status: 'ok';
      customers: number;
      currency: string;
      until: string;
      bgnbd: BgNbdFit;
      gammagamma: GammaGammaFit;
    }
  | {
      status: 'not_enough_data';
      customers: number;
      repeatCustomers: number;
      currency: string;
      until: string;
      reason: NotEnoughReason;
    };

export class ClvFitInputError extends Error {}

export async function fitClvReport(db: Db, orgId: string, options: ClvFitOptions = {}): Promise<ClvFitReport> {
  const stores = await rows<{ id: string; code: string; currency: string; timezone: string }>(
    db,
    sql`select id, code, currency, timezone from stores where org_id = ${orgId} order by created_at, id`,
  );
  const chosen = options.storeCode
    ? stores.filter((s) => s.code.toUpperCase() === options.storeCode!.toUpperCase())
    : stores;
  if (!chosen.length) throw new ClvFitInputError(`No store with the code ${options.storeCode}.`);
  const currencies = [...new Set(chosen.map((s) => s.currency))];
  if (currencies.length > 1)
    throw new ClvFitInputError(`The stores sell in ${currencies.join(', ')}; choose one with --store CODE.`);
  const currency = currencies[0]!;
  const storeIds = `{${chosen.map((s) => s.id).join(',')}}`;
  const [{ until } = { until: '' }] = await rows<{ until: string }>(
    db,
    sql`select to_char(coalesce(${options.until ?? null}::date, (now() at time zone ${chosen[0]!.timezone})::date), 'YYYY-MM-DD') as until`,
  );
  const days = sql`
    with rc as (
      select r.customer_id, (r.occurred_at at time zone st.timezone)::date as day, sum(r.total_paid)::float8 as value
      from receipts r join stores st on st.id = r.store_id
      where r.org_id = ${orgId} and r.kind = 'sale' and r.customer_id is not null and r.currency = ${currency}
        and r.store_id = any(${storeIds}::uuid[])
        and (r.occurred_at at time zone st.timezone)::date <= ${until}::date
      group by 1, 2
    ), c as (
      select customer_id, min(day) as first_day, max(day) as last_day, count(*)::int as n from rc group by 1
    )`;
  const groups = await rows<Record<string, unknown>>(
    db,
    sql`${days} select n - 1 as x, last_day - first_day as tx, ${until}::date - first_day as t, count(*)::int as w
        from c group by 1, 2, 3 order by 1, 2, 3`,
  );
  const unit = 10 ** currencyDigits(currency);
  const spend = await rows<{ x: number; m: number }>(
    db,
    sql`${days} select count(*)::int as x, (sum(rc.value) / count(*) / ${unit}::float8) as m
        from rc join c on c.customer_id = rc.customer_id
        where rc.day > c.first_day and rc.value > 0 group by rc.customer_id`,
  );
  const data = compressGroups(groups);
  const repeatCustomers = groups.filter((g) => Number(g.x) > 0).reduce((s, g) => s + Number(g.w), 0);
  const minCustomers = options.minCustomers ?? CLV_MINIMUMS.customers;
  const minRepeat = options.minRepeatCustomers ?? CLV_MINIMUMS.repeatCustomers;
  const refuse = (reason: NotEnoughReason): ClvFitReport => ({
    status: 'not_enough_data',
    customers: data.customers,
    repeatCustomers,
    currency,
    until,
    reason,
  });
  if (data.customers < minCustomers) return refuse('too_few_customers');
  if (repeatCustomers < Math.max(1, minRepeat)) return refuse('too_few_repeat_customers');
  if (spend.length < Math.max(1, minRepeat)) return refuse('too_few_customers_with_repeat_spend');
  const bgnbd = fitBgNbd(data);
  const gammagamma = fitGammaGamma(spend.map((s) => ({ x: Number(s.x), m: Number(s.m) })));
  if (!bgnbd.converged || !gammagamma.converged) return refuse('fit_did_not_converge');
  return { status: 'ok', customers: data.customers, currency, until, bgnbd, gammagamma };
}
