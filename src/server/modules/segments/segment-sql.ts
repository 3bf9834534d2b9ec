// segmentWhere(definition, ctx): a segment's condition tree as ONE parameterised SQL condition over
// `customers c`. Values always travel as bind parameters (arrays as one array parameter); only column
// names from the fixed maps below are written into the text. Metrics, consents, tiers and tags are
// EXISTS / IN subqueries, so the planner can choose semi-joins and the count never leaves the database.
// Dates are relative to each store's own "today": a condition on dates is split per group of stores
// that share the same local date (usually one group).
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Condition, LeafCondition, MetricName, ClassName, SegmentDefinition } from '../../../contracts/segments';
import type { ProblemField } from '../../../contracts/errors';
import { localDateOf, addDays, zonedTimeToInstant, type IsoDate } from '../../../domain/care/dates';
import { birthdayCodes, birthdayWindow } from '../../../domain/segments';
import type { Db } from '../../db/client';
import { customFields, stores } from '../../db/schema';
import { AppError } from '../../errors';

export type StoreDay = { today: IsoDate; timezone: string; storeIds: string[] };

export type SegmentContext = {
  orgId: string;
  /** The stores whose customers may match: the caller's reach, narrowed by the segment's store. */
  storeIds: string[];
  /** Today per group of stores sharing a local date. */
  days: StoreDay[];
  /** Question-bank fields by key. */
  customFields: Map<string, { id: string; type: string }>;
  /** The stores are all the organisation's: no store test (it would only steer the planner to an index walk). */
  wholeOrganisation?: boolean;
};

const METRIC_COLUMNS: Record<MetricName, string> = {
  recencyDays: 'recency_days',
  frequencyWindow: 'frequency_window',
  monetaryWindow: 'monetary_window',
  frequencyLifetime: 'frequency_lifetime',
  monetaryLifetime: 'monetary_lifetime',
  avgReceipt: 'avg_receipt',
  visitsPerMonth12: 'visits_per_month_12',
  discountShare: 'discount_share',
  referralsMade: 'referrals_made',
  tenureDays: 'tenure_days',
  usualIntervalDays: 'usual_interval_days',
  pAlive: 'p_alive',
  expectedPurchases90: 'expected_purchases_90',
  expectedPurchases365: 'expected_purchases_365',
  expectedValue365: 'expected_value_365',
};

const CLASS_COLUMNS: Record<ClassName, { column: string; missing: string | null }> = {
  // `missing`: the value a customer without a metrics row has (never computed = never bought).
  lapseStatus: { column: 'lapse_status', missing: 'none' },
  loyaltyStage: { column: 'loyalty_stage', missing: 'suspect' },
  classAbcd: { column: 'class_abcd', missing: null },
  classSize: { column: 'class_size', missing: null },
  classValue: { column: 'class_value', missing: null },
  classFrequency: { column: 'class_frequency', missing: null },
  rfmSegment: { column: 'rfm_segment', missing: null },
};

const PROFILE_COLUMNS = { gender: 'c.gender', ageBand: 'c.age_band', source: 'c.source' } as const;

const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;
const texts = (vs: readonly string[]) => sql`${sql.param([...vs])}::text[]`;
const ints = (vs: readonly number[]) => sql`${sql.param([...vs])}::int[]`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function invalid(path: string, code: string, message: string): never {
  const field: ProblemField = { field: path, code, message };
  throw new AppError('validation_failed', {}, [field]);
}

/** The same condition for each group of stores with its own "today" (one group: no store test). */
function perDay(ctx: SegmentContext, build: (day: StoreDay) => SQL): SQL {
  if (ctx.days.length === 0) return sql`false`;
  if (ctx.days.length === 1) return build(ctx.days[0]!);
  return sql`(${sql.join(
    ctx.days.map((d) => sql`(c.store_id = any(${uuids(d.storeIds)}) and ${build(d)})`),
    sql` or `,
  )})`;
}

// Her metrics row as a test. Beside a selective condition on the customer's own columns (birthday,
// tier, store…) it is a per-row probe of the primary key, evaluated only for the customers left;
// otherwise an EXISTS the planner turns into a hash semi-join over customer_metrics.
function metricTest(pred: SQL, ctx: LeafContext, whenMissing = false): SQL {
  // The organisation as a constant: the planner then reads its partition only (ADR 0012).
  const own = sql`m.org_id = ${ctx.orgId} and m.customer_id = c.id`;
  if (ctx.probe)
    return sql`coalesce((select ${pred} from customer_metrics m where ${own}), ${sql.raw(String(whenMissing))})`;
  const hit = sql`exists (select 1 from customer_metrics m where ${own} and ${pred})`;
  return whenMissing ? sql`(${hit} or not exists (select 1 from customer_metrics m where ${own}))` : hit;
}

type LeafContext = SegmentContext & { probe: boolean };
const COLUMN_KINDS = new Set(['birthday', 'tier', 'store', 'owner', 'profile']);

function compare(column: SQL, op: string, value: number | string, value2?: number | string): SQL {
  switch (op) {
    case 'gt':
      return sql`${column} > ${value}`;
    case 'gte':
      return sql`${column} >= ${value}`;
    case 'lt':
      return sql`${column} < ${value}`;
    case 'lte':
      return sql`${column} <= ${value}`;
    case 'between':
      return sql`${column} between ${value} and ${value2}`;
    default:
      return sql`${column} = ${value}`;
  }
}

function leafSql(leaf: LeafCondition, ctx: LeafContext, path: string): SQL {
  switch (leaf.kind) {
    case 'profile': {
      const column =
        leaf.field in PROFILE_COLUMNS
          ? sql.raw(PROFILE_COLUMNS[leaf.field as keyof typeof PROFILE_COLUMNS])
          : leaf.field === 'address'
            ? sql.raw(`nullif(c.addresses, '[]'::jsonb)::text`)
            : sql`(c.profile ->> ${leaf.field})`;
      if (leaf.op === 'is_set') return sql`${column} is not null`;
      if (leaf.op === 'not_set') return sql`${column} is null`;
      if (leaf.op === 'contains') {
        // Address text: look inside the "text" of each address, not at the JSON keys.
        const target =
          leaf.field === 'address'
            ? sql`exists (select 1 from jsonb_array_elements(c.addresses) a where a ->> 'text' ilike ${`%${escapeLike(leaf.text!)}%`})`
            : sql`${column} ilike ${`%${escapeLike(leaf.text!)}%`}`;
        return target;
      }
      const inList = sql`${column} = any(${texts(leaf.values!)})`;
      return leaf.op === 'in' ? inList : sql`(${column} is null or not ${inList})`;
    }
    case 'custom': {
      const field = ctx.customFields.get(leaf.fieldKey);
      if (!field) invalid(`${path}.fieldKey`, 'unknown_field', `No question-bank field "${leaf.fieldKey}"`);
      const exists = (pred: SQL) =>
        sql`exists (select 1 from customer_custom_values v where v.customer_id = c.id and v.field_id = ${field.id} and ${pred})`;
      const asText = sql`(v.value #>> '{}')`;
      switch (leaf.op) {
        case 'is_set':
          return exists(sql`v.value <> 'null'::jsonb and v.value <> '""'::jsonb and v.value <> '[]'::jsonb`);
        case 'not_set':
          return sql`not ${exists(sql`v.value <> 'null'::jsonb and v.value <> '""'::jsonb and v.value <> '[]'::jsonb`)}`;
        case 'in':
          return exists(
            sql`(case when jsonb_typeof(v.value) = 'array' then jsonb_exists_any(v.value, ${texts(leaf.values!)}) else ${asText} = any(${texts(leaf.values!)}) end)`,
          );
        case 'contains':
          return exists(sql`v.value::text ilike ${`%${escapeLike(String(leaf.value))}%`}`);
        default: {
          const value = leaf.value!;
          if (typeof value === 'number')
            return exists(
              sql`jsonb_typeof(v.value) = 'number' and ${compare(sql`(v.value #>> '{}')::numeric`, leaf.op, value)}`,
            );
          return exists(sql`jsonb_typeof(v.value) = 'string' and ${compare(asText, leaf.op, value)}`);
        }
      }
    }
    case 'metric': {
      const column = sql.raw(`m.${METRIC_COLUMNS[leaf.metric]}`);
      const currency = leaf.currency ? sql` and m.currency = ${leaf.currency}` : sql``;
      if (leaf.op === 'is_set') return metricTest(sql`${column} is not null`, ctx);
      if (leaf.op === 'not_set') return sql`not ${metricTest(sql`${column} is not null`, ctx)}`;
      return metricTest(sql`(${compare(column, leaf.op, leaf.value!, leaf.value2)}${currency})`, ctx);
    }
    case 'class': {
      const { column, missing } = CLASS_COLUMNS[leaf.class];
      return metricTest(
        sql`coalesce(${sql.raw(`m.${column}`)} = any(${texts(leaf.values)}), false)`,
        ctx,
        !!missing && leaf.values.includes(missing),
      );
    }
    case 'tier':
      if (leaf.op === 'none') return sql`c.tier is null`;
      if (leaf.op === 'in') return sql`c.tier = any(${texts(leaf.keys!)})`;
      // The tier keys once (an init plan), then a plain filter on her own column.
      return sql`c.tier = any(array(select t.key from tier_definitions t where t.org_id = ${ctx.orgId} and t.rank >= ${leaf.rank!} and t.is_active))`;
    case 'tag': {
      const tagged = sql`exists (select 1 from customer_tag_assignments a where a.customer_id = c.id and a.tag_id = any(${uuids(leaf.tagIds)}))`;
      if (leaf.op === 'any') return tagged;
      if (leaf.op === 'none') return sql`not ${tagged}`;
      const wanted = [...new Set(leaf.tagIds)];
      return sql`(select count(*) from customer_tag_assignments a where a.customer_id = c.id and a.tag_id = any(${uuids(wanted)})) = ${wanted.length}`;
    }
    case 'consent': {
      // The latest record per channel and purpose is the consent in force (customer_consents is append-only).
      const latest = sql`(select cc.granted from customer_consents cc where cc.customer_id = c.id and cc.channel = ${leaf.channel} and cc.purpose = ${leaf.purpose} order by cc.recorded_at desc limit 1)`;
      return leaf.granted
        ? sql`(c.do_not_contact = false and c.is_deceased = false and ${latest} is true)`
        : sql`(${latest} is not true)`;
    }
    case 'store':
      return sql`c.store_id = any(${uuids(leaf.storeIds)})`;
    case 'owner':
      return leaf.op === 'none' ? sql`c.owner_user_id is null` : sql`c.owner_user_id = any(${uuids(leaf.userIds!)})`;
    case 'birthday':
      return perDay(ctx, (day) => {
        const { from, to } = birthdayWindow(leaf.when, day.today, leaf.days ?? 0);
        const codes = birthdayCodes(from, to);
        // Both codes are written exactly as the expression indexes customers_org_birthday_md_idx and
        // customers_org_lunar_md_idx (schema/customers.ts): change one, change the other, or the
        // count falls back to evaluating every customer's dates (issue 5's 1-second segment count).
        const solar = sql`(c.birthday is not null and (extract(month from c.birthday)::int * 100 + extract(day from c.birthday)::int) = any(${ints(codes.solar)}))`;
        const lunar = sql`(c.lunar_birth_month is not null and ((case when c.lunar_birth_leap then 10000 else 0 end) + c.lunar_birth_month * 100 + c.lunar_birth_day) = any(${ints(codes.lunar)}))`;
        if (leaf.calendar === 'solar') return solar;
        if (leaf.calendar === 'lunar') return lunar;
        return sql`(${solar} or ${lunar})`;
      });
    case 'purchase':
      return perDay(ctx, (day) => {
        // Her purchase counts when its store-local day is on or after today − days.
        const since = zonedTimeToInstant(addDays(day.today, -leaf.days), 0, day.timezone).toISOString();
        const column = leaf.op === 'first_within' ? sql`m.first_purchase_at` : sql`m.last_purchase_at`;
        const hit = metricTest(sql`coalesce(${column} >= ${since}::timestamptz, false)`, ctx);
        return leaf.op === 'not_bought_within' ? sql`not ${hit}` : hit;
      });
  }
}

function conditionSql(c: Condition, ctx: SegmentContext, path: string, probe = false): SQL {
  if (c.kind !== 'group') return leafSql(c, { ...ctx, probe }, path);
  if (!c.conditions.length) return c.op === 'and' ? sql`true` : sql`false`;
  // In an AND group, a condition on her own columns narrows the scan first; metrics are then probed.
  const narrowed = c.op === 'and' && c.conditions.some((x) => COLUMN_KINDS.has(x.kind));
  const parts = c.conditions.map((x, i) => conditionSql(x, ctx, `${path}.conditions.${i}`, narrowed));
  return sql`(${sql.join(parts, c.op === 'and' ? sql` and ` : sql` or `)})`;
}

/**
 * The segment as a condition over `customers c`: live customers of the organisation in the stores of
 * `ctx` that satisfy the tree. An empty root group is everyone in scope.
 */
export function segmentWhere(definition: SegmentDefinition, ctx: SegmentContext, path = 'body.definition'): SQL {
  const scope = ctx.wholeOrganisation
    ? sql`true`
    : ctx.storeIds.length
      ? sql`c.store_id = any(${uuids(ctx.storeIds)})`
      : sql`false`;
  return sql`(c.org_id = ${ctx.orgId} and c.merged_into_id is null and c.erased_at is null and ${scope} and ${conditionSql(definition, ctx, path)})`;
}

/** Store days and question-bank fields for evaluating segments over `storeIds` now. */
export async function loadSegmentContext(
  db: Db,
  orgId: string,
  storeIds: string[],
  now: Date = new Date(),
): Promise<SegmentContext> {
  const [allStores, fields] = await Promise.all([
    db.select({ id: stores.id, timezone: stores.timezone }).from(stores).where(eq(stores.orgId, orgId)),
    db
      .select({ id: customFields.id, key: customFields.key, type: customFields.type })
      .from(customFields)
      .where(eq(customFields.orgId, orgId)),
  ]);
  const wanted = new Set(storeIds);
  const storeRows = allStores.filter((s) => wanted.has(s.id));
  const byDay = new Map<string, StoreDay>();
  for (const s of storeRows) {
    const today = localDateOf(now, s.timezone);
    const k = `${today}|${s.timezone}`;
    const group = byDay.get(k) ?? { today, timezone: s.timezone, storeIds: [] };
    group.storeIds.push(s.id);
    byDay.set(k, group);
  }
  return {
    orgId,
    storeIds: storeRows.map((s) => s.id),
    days: [...byDay.values()],
    customFields: new Map(fields.map((f) => [f.key, { id: f.id, type: f.type }])),
    wholeOrganisation: storeRows.length > 0 && storeRows.length === allStores.length,
  };
}
