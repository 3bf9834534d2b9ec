// Care settings: an organisation's overrides of the rule configuration (parsed over the seeds'
// defaults by contracts/care.ts) and the rule activity bookkeeping that keeps generation from
// back-dating: switching a rule on records today as its active_since.
import { and, eq, sql } from 'drizzle-orm';
import {
  careSettingsSchema,
  RULE_IDS,
  type CareSettings,
  type CareSettingsInput,
  type RuleId,
} from '../../../contracts/care';
import { localDateOf, type IsoDate } from '../../../domain/care';
import type { Db } from '../../db/client';
import { careRuleActivity, careRuns, careSettings, stores } from '../../db/schema';

export type RuleActivity = Partial<Record<RuleId, { enabled: boolean; activeSince: IsoDate }>>;

export type CareSettingsView = {
  /** The effective settings: the overrides parsed over the defaults. */
  settings: CareSettings;
  /** What the organisation changed (stored as written). */
  overrides: Record<string, unknown>;
  /** Per rule, whether it is on and since when (rules never touched have no entry). */
  activity: RuleActivity;
  updatedAt: string | null;
};

/** The stored overrides parsed over the defaults (invalid stored values fall back to the defaults). */
export async function getCareSettings(db: Db, orgId: string): Promise<CareSettingsView> {
  const [row] = await db.select().from(careSettings).where(eq(careSettings.orgId, orgId));
  const overrides = row?.settings ?? {};
  const parsed = careSettingsSchema.safeParse(overrides);
  const activity = await getRuleActivity(db, orgId);
  return {
    settings: parsed.success ? parsed.data : careSettingsSchema.parse({}),
    overrides,
    activity,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function getRuleActivity(db: Db, orgId: string): Promise<RuleActivity> {
  const rows = await db.select().from(careRuleActivity).where(eq(careRuleActivity.orgId, orgId));
  const out: RuleActivity = {};
  for (const r of rows) out[r.ruleId as RuleId] = { enabled: r.enabled, activeSince: r.activeSince };
  return out;
}

/**
 * "Today" for organisation-wide bookkeeping: the latest local date among its stores, so a rule switched
 * on never counts as active on a day that has already ended somewhere and not begun elsewhere.
 */
export async function organisationToday(db: Db, orgId: string, now = new Date()): Promise<IsoDate> {
  const zones = await db.selectDistinct({ tz: stores.timezone }).from(stores).where(eq(stores.orgId, orgId));
  const dates = zones.map((z) => localDateOf(now, z.tz));
  return dates.length ? dates.sort().at(-1)! : now.toISOString().slice(0, 10);
}

/**
 * Replaces the organisation's overrides (validated: throws the Zod error on invalid input) and records
 * rule activity: a rule switched on (or on for the first time after being off) is active from `today`;
 * a rule switched off keeps its old day until it is switched on again.
 */
export async function updateCareSettings(
  db: Db,
  actor: { orgId: string; userId: string | null },
  overrides: CareSettingsInput,
  opts: { today?: IsoDate } = {},
): Promise<CareSettingsView> {
  const settings = careSettingsSchema.parse(overrides);
  const today = opts.today ?? (await organisationToday(db, actor.orgId));
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const before = await getCareSettings(tx, actor.orgId);
    await tx
      .insert(careSettings)
      .values({ orgId: actor.orgId, settings: overrides as Record<string, unknown>, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: careSettings.orgId,
        set: { settings: overrides as Record<string, unknown>, updatedBy: actor.userId, updatedAt: sql`now()` },
      });
    await recordRuleActivity(tx, actor.orgId, before.settings, settings, before.activity, today);
  });
  return getCareSettings(db, actor.orgId);
}

/** Switches one rule on or off (keeps the rest of the overrides). */
export async function setRuleEnabled(
  db: Db,
  actor: { orgId: string; userId: string | null },
  ruleId: RuleId,
  enabled: boolean,
  opts: { today?: IsoDate } = {},
): Promise<CareSettingsView> {
  const { overrides } = await getCareSettings(db, actor.orgId);
  const rules = { ...((overrides.rules as Record<string, Record<string, unknown>> | undefined) ?? {}) };
  rules[ruleId] = { ...(rules[ruleId] ?? {}), enabled };
  return updateCareSettings(db, actor, { ...overrides, rules } as CareSettingsInput, opts);
}

async function recordRuleActivity(
  db: Db,
  orgId: string,
  before: CareSettings,
  after: CareSettings,
  activity: RuleActivity,
  today: IsoDate,
) {
  for (const id of RULE_IDS) {
    const was = activity[id]?.enabled ?? before.rules[id].enabled;
    const now = after.rules[id].enabled;
    const known = activity[id];
    if (known && was === now) continue;
    if (!known && was === now) {
      // Never switched: nothing to record (the store's first run bounds it).
      continue;
    }
    const activeSince = now ? today : (known?.activeSince ?? today);
    await db
      .insert(careRuleActivity)
      .values({ orgId, ruleId: id, enabled: now, activeSince })
      .onConflictDoUpdate({
        target: [careRuleActivity.orgId, careRuleActivity.ruleId],
        set: { enabled: now, activeSince, updatedAt: sql`now()` },
      });
  }
}

/** The store's first generation day (any run, finished or not), or null before its first run. */
export async function firstRunDate(db: Db, orgId: string, storeId: string): Promise<IsoDate | null> {
  const [r] = await db
    .select({ d: sql<string | null>`min(${careRuns.runDate})::text` })
    .from(careRuns)
    .where(and(eq(careRuns.orgId, orgId), eq(careRuns.storeId, storeId)));
  return r?.d ?? null;
}

/** Per rule, the later of the day it was switched on and the store's first run: nothing before it is created. */
export function activeSinceFor(activity: RuleActivity, firstRun: IsoDate): Record<RuleId, IsoDate> {
  const out = {} as Record<RuleId, IsoDate>;
  for (const id of RULE_IDS) {
    const since = activity[id]?.activeSince;
    out[id] = since && since > firstRun ? since : firstRun;
  }
  return out;
}
