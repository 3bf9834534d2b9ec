// The VIP programme (issue 5; ADR 0004): tiers upgraded the moment a rule is met, moved down only at the
// yearly review after its grace period, every change recorded with its reason; points earned on sales,
// reversed on returns, redeemed, adjusted and expired on an append-only ledger. Everything here is
// set-based over the customers given (an import passes thousands) and idempotent.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  benefitsSchema,
  programmeSettingsSchema,
  qualificationSchema,
  type ProgrammeSettings,
  type ReviewResult,
  type previewBodySchema,
  type previewSchema,
} from '../../../contracts/loyalty';
import type { Labels } from '../../../contracts/custom-fields';
import { reviewWindow, type Benefits, type TierRule } from '../../../domain/tiers';
import { rows, type Db } from '../../db/client';
import { loyaltySettings, tierDefinitions } from '../../db/schema';
import { qualifyCtes } from './qualify.sql';

type TierRow = typeof tierDefinitions.$inferSelect;
export type LoyaltyActor = { orgId: string; userId: string | null };
export type TierBenefits = Benefits & { key: string; rank: number; labels: Labels };

// ——— programme settings and tiers ———

export async function getProgrammeSettings(db: Db, orgId: string): Promise<ProgrammeSettings> {
  const [row] = await db.select().from(loyaltySettings).where(eq(loyaltySettings.orgId, orgId));
  const parsed = programmeSettingsSchema.safeParse(row?.settings ?? {});
  return parsed.success ? parsed.data : programmeSettingsSchema.parse({});
}

export async function saveProgrammeSettings(db: Db, orgId: string, settings: ProgrammeSettings): Promise<void> {
  await db
    .insert(loyaltySettings)
    .values({ orgId, settings })
    .onConflictDoUpdate({ target: loyaltySettings.orgId, set: { settings, updatedAt: new Date() } });
}

/** A tier row's rules and benefits, validated (a bad jsonb value reads as the defaults, never throws). */
export function parseTier(t: TierRow) {
  const q = qualificationSchema.safeParse(t.qualification);
  const b = benefitsSchema.safeParse(t.benefits);
  return {
    id: t.id,
    key: t.key,
    rank: t.rank,
    labels: t.labels,
    isActive: t.isActive,
    qualification: q.success ? q.data : qualificationSchema.parse({}),
    benefits: b.success ? b.data : benefitsSchema.parse({}),
  };
}
export type ParsedTier = ReturnType<typeof parseTier>;

export async function loadTiers(db: Db, orgId: string): Promise<ParsedTier[]> {
  const list = await db
    .select()
    .from(tierDefinitions)
    .where(eq(tierDefinitions.orgId, orgId))
    .orderBy(asc(tierDefinitions.rank));
  return list.map(parseTier);
}

/** Her tier's benefits (for the care rules' birthday-month benefit and the till), or null. */
export async function getTierBenefits(db: Db, orgId: string, tierKey: string | null): Promise<TierBenefits | null> {
  if (!tierKey) return null;
  const [t] = await db
    .select()
    .from(tierDefinitions)
    .where(and(eq(tierDefinitions.orgId, orgId), eq(tierDefinitions.key, tierKey)));
  if (!t) return null;
  const p = parseTier(t);
  return { key: p.key, rank: p.rank, labels: p.labels, ...p.benefits };
}

// ——— upgrades ———

type UpgradeOptions = {
  customerIds: string[] | null;
  reason: 'qualified' | 'recompute';
  receiptIds?: string[];
  actorUserId?: string | null;
  asOf?: Date;
};

/** Moves everyone in scope who now meets a higher tier up to the highest one met, at once. */
export async function upgradeTiers(db: Db, orgId: string, o: UpgradeOptions): Promise<number> {
  const tiers = await loadTiers(db, orgId);
  if (!tiers.some((t) => t.isActive)) return 0;
  const settings = await getProgrammeSettings(db, orgId);
  const ctes = qualifyCtes({
    orgId,
    customerIds: o.customerIds,
    asOf: o.asOf ?? new Date(),
    windowDays: settings.windowDays,
    tiers,
  });
  const receiptFor = o.receiptIds?.length
    ? sql`(select r.id from receipts r where r.id = any(${sql.param(o.receiptIds)}::uuid[]) and r.customer_id = u.customer_id order by r.occurred_at desc limit 1)`
    : sql`null::uuid`;
  const changed = await rows<{ n: number }>(
    db,
    sql`with ${ctes},
      u as (
        select q.customer_id, q.tier, q.qkey, q.spend, q.visits, ru.q as rule
        from q join rules ru on ru.key = q.qkey
        where q.qrank > q.cur_rank
      ),
      upd as (
        update customers c set tier = u.qkey from u where c.id = u.customer_id returning c.id
      ),
      ins as (
        insert into customer_tier_changes (org_id, customer_id, from_tier, to_tier, reason, rule, actor_user_id, receipt_id)
        select ${orgId}, u.customer_id, u.tier, u.qkey, ${o.reason},
               jsonb_build_object('qualification', u.rule, 'spend', u.spend, 'visits', u.visits, 'windowDays', ${settings.windowDays}::int),
               ${o.actorUserId ?? null}::uuid, ${receiptFor}
        from u
        returning 1
      )
      select (select count(*) from upd)::int as n`,
  );
  return changed[0]?.n ?? 0;
}

/** The full recompute's tier step: everyone who meets a higher tier moves up (the lead's recompute calls it). */
export async function recomputeTiers(db: Db, orgId: string, opts: { asOf?: Date } = {}): Promise<{ upgraded: number }> {
  return { upgraded: await upgradeTiers(db, orgId, { customerIds: null, reason: 'recompute', asOf: opts.asOf }) };
}

// ——— the yearly review ———

async function orgToday(db: Db, orgId: string): Promise<string> {
  const [r] = await rows<{ d: string }>(
    db,
    sql`select to_char(now() at time zone coalesce((select timezone from stores where org_id = ${orgId} order by created_at limit 1), 'UTC'), 'YYYY-MM-DD') as d`,
  );
  return r!.d;
}

/**
 * The yearly review: members who no longer meet their tier over the window ending `asOf` move down to
 * the highest tier they still meet (never below the lowest), but only once the grace period after the
 * review date is over, and never for a tier reached on or after the review date. Before that they are
 * counted as "in grace". Idempotent: a second run finds nothing to do.
 */
export async function reviewTiers(
  db: Db,
  orgId: string,
  opts: { asOf?: string; dryRun?: boolean; actorUserId?: string | null } = {},
): Promise<ReviewResult> {
  const asOf = opts.asOf ?? (await orgToday(db, orgId));
  const settings = await getProgrammeSettings(db, orgId);
  const w = reviewWindow(asOf, settings.review);
  const tiers = await loadTiers(db, orgId);
  const active = tiers.filter((t) => t.isActive);
  const empty = { ...w, dryRun: !!opts.dryRun, inGrace: 0, downgraded: 0, sample: [] };
  if (!active.length) return empty;
  const lowest = active[0]!;
  const ctes = qualifyCtes({
    orgId,
    customerIds: null,
    asOf: new Date(`${asOf}T23:59:59.999Z`),
    windowDays: settings.windowDays,
    tiers,
    withTierOnly: true,
  });
  const apply = w.due && !opts.dryRun;
  const result = await rows<{
    n: number;
    sample: Array<{ id: string; displayName: string; from: string; to: string }>;
  }>(
    db,
    sql`with ${ctes},
      cand as (
        select q.customer_id, q.display_name, q.tier, q.spend, q.visits,
               coalesce(q.qkey, ${lowest.key}) as to_key, ru.q as rule
        from q
        left join rules ru on ru.key = coalesce(q.qkey, ${lowest.key})
        where q.cur_rank > greatest(q.qrank, ${lowest.rank}::int)
          and not exists (select 1 from customer_tier_changes tc
                          where tc.customer_id = q.customer_id and tc.at >= ${w.reviewDate}::date)
      ),
      upd as (
        update customers c set tier = cand.to_key from cand where ${apply} and c.id = cand.customer_id returning c.id
      ),
      ins as (
        insert into customer_tier_changes (org_id, customer_id, from_tier, to_tier, reason, rule, actor_user_id)
        select ${orgId}, cand.customer_id, cand.tier, cand.to_key, 'review',
               jsonb_build_object('qualification', cand.rule, 'spend', cand.spend, 'visits', cand.visits,
                                  'reviewDate', ${w.reviewDate}::text, 'graceDays', ${settings.review.graceDays}::int),
               ${opts.actorUserId ?? null}::uuid
        from cand where ${apply}
        returning 1
      )
      select (select count(*) from cand)::int as n,
             coalesce((select jsonb_agg(jsonb_build_object('id', s.customer_id, 'displayName', s.display_name, 'from', s.tier, 'to', s.to_key))
                       from (select * from cand order by display_name limit 10) s), '[]'::jsonb) as sample`,
  );
  const n = result[0]?.n ?? 0;
  return {
    ...w,
    dryRun: !!opts.dryRun,
    inGrace: w.due ? 0 : n,
    downgraded: w.due ? n : 0,
    sample: result[0]?.sample ?? [],
  };
}

// ——— "what changes if I edit this rule" ———

export async function previewTiers(
  db: Db,
  orgId: string,
  body: z.infer<typeof previewBodySchema>,
): Promise<z.infer<typeof previewSchema>> {
  const settings = await getProgrammeSettings(db, orgId);
  const proposed: TierRule[] = body.tiers.map((t) => ({
    ...t,
    qualification: qualificationSchema.parse(t.qualification),
  }));
  const active = proposed.filter((t) => t.isActive !== false).sort((a, b) => a.rank - b.rank);
  const floor = active[0];
  const ctes = qualifyCtes({
    orgId,
    customerIds: null,
    asOf: new Date(),
    windowDays: body.windowDays ?? settings.windowDays,
    tiers: proposed,
  });
  const floorRank = floor?.rank ?? 0;
  const [r] = await rows<{
    up: number;
    down: number;
    unchanged: number;
    by_now: Record<string, number> | null;
    by_prop: Record<string, number> | null;
    sample_up: Array<{ id: string; displayName: string; from: string | null; to: string | null }>;
    sample_down: Array<{ id: string; displayName: string; from: string | null; to: string | null }>;
  }>(
    db,
    sql`with ${ctes},
      m as (
        select q.*,
          case when q.qrank > q.cur_rank then q.qkey
               when q.cur_rank > 0 and q.cur_rank > greatest(q.qrank, ${floorRank}::int)
                 then coalesce(q.qkey, ${floor?.key ?? null}::text)
               else q.tier end as to_key,
          case when q.qrank > q.cur_rank then 'up'
               when q.cur_rank > 0 and q.cur_rank > greatest(q.qrank, ${floorRank}::int) then 'down'
               else 'same' end as move
        from q
        where q.tier is not null or q.qrank > 0
      )
      select count(*) filter (where move = 'up')::int as up,
             count(*) filter (where move = 'down')::int as down,
             count(*) filter (where move = 'same')::int as unchanged,
             (select jsonb_object_agg(k, n) from (select tier as k, count(*) as n from m where tier is not null group by tier) a) as by_now,
             (select jsonb_object_agg(k, n) from (select to_key as k, count(*) as n from m where to_key is not null group by to_key) b) as by_prop,
             coalesce((select jsonb_agg(jsonb_build_object('id', s.customer_id, 'displayName', s.display_name, 'from', s.tier, 'to', s.to_key))
                       from (select * from m where move = 'up' order by display_name limit 10) s), '[]'::jsonb) as sample_up,
             coalesce((select jsonb_agg(jsonb_build_object('id', s.customer_id, 'displayName', s.display_name, 'from', s.tier, 'to', s.to_key))
                       from (select * from m where move = 'down' order by display_name limit 10) s), '[]'::jsonb) as sample_down
      from m`,
  );
  const keys = [...new Set([...proposed.map((t) => t.key), ...Object.keys(r?.by_now ?? {})])];
  return {
    up: r?.up ?? 0,
    down: r?.down ?? 0,
    unchanged: r?.unchanged ?? 0,
    byTier: keys.map((k) => ({ key: k, now: Number(r?.by_now?.[k] ?? 0), proposed: Number(r?.by_prop?.[k] ?? 0) })),
    sampleUp: r?.sample_up ?? [],
    sampleDown: r?.sample_down ?? [],
  };
}
