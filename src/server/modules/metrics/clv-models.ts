// The CLV models of a full recompute: BG/NBD and Gamma-Gamma fitted per currency on the recompute's
// RFM summary (_m_agg; a deterministic hash sample above FIT_SAMPLE customers) and stored in
// clv_models; compressGroups is shared with `keqing clv fit`.
import { sql } from 'drizzle-orm';
import type { ClassSettings } from '../../../contracts/metrics';
import {
  CLV_MINIMUMS,
  fitBgNbd,
  fitGammaGamma,
  populationMeanSpend,
  type CompressedData,
  type NotEnoughReason,
  type SpendCustomer,
} from '../../../domain/clv';
import type { Db } from '../../db/client';
import { rows } from '../../db/client';
import type { ClvModelParams } from '../../db/schema';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);

/** Days per model unit: weeks, as in the literature and `keqing clv fit`. */
export const UNIT_DAYS = 7;
/** Above this many customers per currency the models are fitted on a deterministic hash sample. */
export const FIT_SAMPLE = 25_000;

export type ModelSummary = {
  currency: string;
  status: 'ok' | 'not_enough_data';
  reason: NotEnoughReason | null;
  customers: number;
  repeatCustomers: number;
  sampled: boolean;
};
/** Every how many-th customer (by hash) the fit and the spend cap read: all of them up to FIT_SAMPLE. */
export const sampleMod = (customers: number) => (customers > FIT_SAMPLE ? Math.ceil(customers / FIT_SAMPLE) : 1);

/**
 * Fits BG/NBD and Gamma-Gamma per currency from _m_agg (time in weeks) and stores them with the spend
 * caps the run summed her repeat spend under. `sample`: the every-how-many-th per currency the caps
 * were computed on (the same customers are fitted); by default from the number of buyers.
 */
export async function fitModels(
  tx: Db,
  orgId: string,
  asOf: string | null,
  settings: ClassSettings,
  run: { sample?: Record<string, number>; caps?: Record<string, number> } = {},
): Promise<ModelSummary[]> {
  const sample = run.sample ?? {};
  const counts = await rows<{ currency: string; n: number; repeaters: number; spenders: number }>(
    tx,
    sql`select a.currency, count(*)::int as n, (count(*) filter (where a.f_life > 1))::int as repeaters,
               (count(*) filter (where a.xs > 0 and a.ss > 0))::int as spenders
        from _m_agg a
        where a.f_life > 0 group by a.currency order by a.currency`,
  );
  const minimum = {
    customers: settings.clv.minCustomers ?? CLV_MINIMUMS.customers,
    repeatCustomers: settings.clv.minRepeatCustomers ?? CLV_MINIMUMS.repeatCustomers,
  };
  const out: ModelSummary[] = [];
  await tx.execute(sql`delete from clv_models where org_id = ${orgId}`);
  for (const c of counts) {
    const observed = { customers: num(c.n), repeatCustomers: num(c.repeaters) };
    const mod = sample[c.currency] ?? sampleMod(observed.customers);
    const sampled = mod > 1;
    const only = sampled ? sql` and mod(abs(hashtext(a.customer_id::text)), ${mod}::int) = 0` : sql``;
    let reason: NotEnoughReason | null = null;
    let params: ClvModelParams | null = null;
    if (observed.customers < minimum.customers) reason = 'too_few_customers';
    else if (observed.repeatCustomers < Math.max(1, minimum.repeatCustomers)) reason = 'too_few_repeat_customers';
    else if (num(c.spenders) < Math.max(1, minimum.repeatCustomers)) reason = 'too_few_customers_with_repeat_spend';
    else {
      const groups = await rows<Row>(
        tx,
        sql`select a.f_life - 1 as x, case when a.f_life > 1 then a.last_day - a.first_day else 0 end as tx,
                   a.as_of - a.first_day as t, count(*)::int as w
            from _m_agg a where a.f_life > 0 and a.currency = ${c.currency}${only}
            group by 1, 2, 3 order by 1, 2, 3`,
      );
      const spend = await rows<Row>(
        tx,
        sql`select a.xs as x, a.ss / a.xs as m from _m_agg a
            where a.currency = ${c.currency} and a.xs > 0 and a.ss > 0${only}`,
      );
      const bgnbd = fitBgNbd(compressGroups(groups));
      const spenders: SpendCustomer[] = spend.map((s) => ({ x: num(s.x), m: num(s.m) }));
      const gammagamma = fitGammaGamma(spenders);
      const finite = [
        bgnbd.r,
        bgnbd.alpha,
        bgnbd.a,
        bgnbd.b,
        bgnbd.loglik,
        gammagamma.p,
        gammagamma.q,
        gammagamma.gamma,
      ];
      if (!bgnbd.converged || !gammagamma.converged || !finite.every(Number.isFinite)) reason = 'fit_did_not_converge';
      else if (populationMeanSpend(gammagamma) === null) reason = 'mean_spend_undefined';
      else
        params = {
          r: bgnbd.r,
          alpha: bgnbd.alpha,
          a: bgnbd.a,
          b: bgnbd.b,
          loglik: bgnbd.loglik,
          p: gammagamma.p,
          q: gammagamma.q,
          gamma: gammagamma.gamma,
          warnings: [
            ...bgnbd.atBounds.map((p) => `bgnbd.${p} at bound`),
            ...gammagamma.atBounds.map((p) => `gammagamma.${p} at bound`),
          ],
        };
    }
    const status = params ? 'ok' : 'not_enough_data';
    await tx.execute(sql`
      insert into clv_models (org_id, currency, status, reason, params, spend_cap, customers, repeat_customers,
        min_customers, min_repeat_customers, as_of, fitted_at)
      values (${orgId}, ${c.currency}, ${status}, ${reason}, ${params ? JSON.stringify(params) : null}::jsonb,
        ${run.caps?.[c.currency] ?? null}::float8, ${observed.customers}, ${observed.repeatCustomers},
        ${minimum.customers}, ${minimum.repeatCustomers}, coalesce(${asOf}::date, current_date), now())`);
    out.push({ currency: c.currency, status, reason, ...observed, sampled });
  }
  return out;
}

/** (x, t_x days, T days, count) rows → the BG/NBD's compressed data, in weeks. */
export function compressGroups(groups: Row[]): CompressedData {
  const valueIndex = new Map<number, number>();
  const indexOf = (v: number) => {
    let i = valueIndex.get(v);
    if (i === undefined) valueIndex.set(v, (i = valueIndex.size));
    return i;
  };
  const byX = new Map<number, { iT: number[]; itx: number[]; w: number[] }>();
  let customers = 0;
  let repeats = 0;
  for (const g of groups) {
    const x = num(g.x);
    const w = num(g.w);
    let list = byX.get(x);
    if (!list) byX.set(x, (list = { iT: [], itx: [], w: [] }));
    list.iT.push(indexOf(num(g.t) / UNIT_DAYS));
    list.itx.push(indexOf(x === 0 ? 0 : num(g.tx) / UNIT_DAYS));
    list.w.push(w);
    customers += w;
    repeats += x * w;
  }
  return {
    values: Float64Array.from(valueIndex.keys()),
    groups: [...byX]
      .sort(([a], [b]) => a - b)
      .map(([x, l]) => ({ x, iT: Int32Array.from(l.iT), itx: Int32Array.from(l.itx), w: Float64Array.from(l.w) })),
    customers,
    repeats,
  };
}
