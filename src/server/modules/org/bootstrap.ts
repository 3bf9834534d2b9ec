// First start: the organisation, the MAIN store and an owner account, created once and only once
// (an advisory lock keeps two instances starting together from both doing it).
import { sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { organizations, stores, userStores, users } from '../../db/schema';
import { generatePassword, hashPassword } from '../../security';
import { recordAudit } from '../audit/audit.service';
import { ensureDefaultQuestionBanks } from '../customers/question-bank';
import { ensureDefaultCategories } from '../purchases/catalogue';
import { ensureDefaultTiers } from '../loyalty/defaults';

const BOOTSTRAP_LOCK_KEY = 7_401_002;

const DEFAULT_STORE_NAME: Record<string, string> = {
  'zh-CN': '总店',
  'zh-TW': '總店',
  ja: '本店',
  en: 'Main store',
};

export type BootstrapResult =
  | { created: false }
  | { created: true; orgId: string; storeId: string; ownerEmail: string; generatedPassword: string | null };

export async function ensureBootstrapped(db: Db, config: Config): Promise<BootstrapResult> {
  const result = await bootstrapOrganisation(db, config);
  await ensureDefaultQuestionBanks(db);
  await ensureDefaultCategories(db);
  await ensureDefaultTiers(db);
  return result;
}

async function bootstrapOrganisation(db: Db, config: Config): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`);
    const existing = await tx.select({ id: organizations.orgId }).from(organizations).limit(1);
    if (existing.length > 0) return { created: false } as const;

    const [org] = await tx.insert(organizations).values({ name: config.orgName }).returning();
    const fs = config.firstStore;
    const [store] = await tx
      .insert(stores)
      .values({
        orgId: org!.orgId,
        code: 'MAIN',
        name: fs.name ?? DEFAULT_STORE_NAME[fs.locale] ?? 'Main store',
        country: fs.country,
        currency: fs.currency,
        timezone: fs.timezone,
        locale: fs.locale,
      })
      .returning();
    const email = config.admin.email ?? 'owner@example.com';
    const generatedPassword = config.admin.password ? null : generatePassword();
    const [owner] = await tx
      .insert(users)
      .values({
        orgId: org!.orgId,
        email,
        displayName: 'Owner',
        role: 'owner',
        locale: fs.locale,
        passwordHash: await hashPassword(config.admin.password ?? generatedPassword!),
      })
      .returning();
    await tx.insert(userStores).values({ orgId: org!.orgId, userId: owner!.id, storeId: store!.id });
    await recordAudit(tx as unknown as Db, {
      orgId: org!.orgId,
      action: 'org.bootstrapped',
      entityType: 'organization',
      entityId: org!.orgId,
      details: { storeId: store!.id, ownerId: owner!.id },
    });
    return { created: true, orgId: org!.orgId, storeId: store!.id, ownerEmail: email, generatedPassword };
  });
}

export function describeBootstrap(result: BootstrapResult): string | null {
  if (!result.created) return null;
  const lines = [
    '',
    '  Keqing is ready. Your owner account:',
    `    e-mail:   ${result.ownerEmail}`,
    result.generatedPassword
      ? `    password: ${result.generatedPassword}   (shown only this once; change it after logging in)`
      : '    password: the one in KEQING_ADMIN_PASSWORD',
    '',
  ];
  return lines.join('\n');
}
