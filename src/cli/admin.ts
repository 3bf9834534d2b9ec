// keqing migrate | create-store | create-user
import type { Command } from 'commander';
import { z } from 'zod';
import { createStoreBodySchema, createUserBodySchema } from '../contracts/org';
import { roleSchema } from '../contracts/common';
import { AppError } from '../server/errors';
import { generatePassword } from '../server/security';
import { recordAudit } from '../server/modules/audit/audit.service';
import { createStore, findStoreByCode } from '../server/modules/org/stores.service';
import { createUser } from '../server/modules/org/users.service';
import { formatIssues, withDatabase } from './context';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function explain(err: unknown): never {
  if (err instanceof AppError) {
    const fields = err.fields?.map((f) => `  ${f.field.replace(/^body\./, '--')}: ${f.message}`).join('\n');
    fail(
      `${err.code}${Object.keys(err.params).length ? ` ${JSON.stringify(err.params)}` : ''}${fields ? `\n${fields}` : ''}`,
    );
  }
  throw err;
}

export function registerAdminCommands(program: Command) {
  program
    .command('migrate')
    .description(
      'apply database migrations; on an empty database also create the organisation, the MAIN store and the owner',
    )
    .action(async () => {
      await withDatabase(async ({ database }) => {
        console.log(`Database (${database.kind}) is up to date.`);
      });
    });

  program
    .command('create-store')
    .description('open a store')
    .requiredOption('--code <code>', 'short unique code, e.g. SH01')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--country <CC>', 'ISO country code: CN, TW, HK, JP…')
    .requiredOption('--currency <CUR>', 'ISO currency: CNY, TWD, HKD, JPY…')
    .requiredOption('--timezone <zone>', 'IANA time zone, e.g. Asia/Tokyo')
    .requiredOption('--locale <locale>', 'zh-CN, zh-TW, ja or en')
    .action(async (opts: Record<string, string>) => {
      const parsed = createStoreBodySchema.safeParse(opts);
      if (!parsed.success) fail(`Cannot create the store:\n${formatIssues(parsed.error.issues)}`);
      await withDatabase(async ({ database, orgId }) => {
        const store = await createStore(database.db, orgId, parsed.data).catch(explain);
        await recordAudit(database.db, {
          orgId,
          action: 'store.created',
          entityType: 'store',
          entityId: store.id,
          storeId: store.id,
          details: { code: store.code, via: 'cli' },
        });
        console.log(`Store ${store.code} (${store.name}) created.`);
      });
    });

  program
    .command('create-user')
    .description('create a staff account')
    .requiredOption('--email <email>', 'log-in e-mail')
    .requiredOption('--name <name>', 'display name')
    .option('--role <role>', `one of ${roleSchema.options.join(', ')}`, 'staff')
    .option('--stores <codes>', 'comma-separated store codes', '')
    .option('--password <password>', 'initial password (10+ characters); generated and printed when omitted')
    .option('--locale <locale>', 'zh-CN, zh-TW, ja or en')
    .action(
      async (opts: {
        email: string;
        name: string;
        role: string;
        stores: string;
        password?: string;
        locale?: string;
      }) => {
        const password = opts.password ?? generatePassword();
        const parsed = createUserBodySchema.extend({ storeIds: z.array(z.string()).default([]) }).safeParse({
          email: opts.email,
          displayName: opts.name,
          role: opts.role,
          password,
          locale: opts.locale,
          storeIds: [],
        });
        if (!parsed.success) fail(`Cannot create the account:\n${formatIssues(parsed.error.issues)}`);
        await withDatabase(async ({ database, orgId }) => {
          const storeIds: string[] = [];
          for (const code of opts.stores
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)) {
            const store = await findStoreByCode(database.db, orgId, code);
            if (!store) fail(`Unknown store code: ${code}`);
            storeIds.push(store.id);
          }
          const user = await createUser(database.db, orgId, null, { ...parsed.data, storeIds }).catch(explain);
          await recordAudit(database.db, {
            orgId,
            action: 'user.created',
            entityType: 'user',
            entityId: user.id,
            details: { role: user.role, storeIds, via: 'cli' },
          });
          console.log(`Account ${user.email} (${user.role}) created.`);
          if (!opts.password) console.log(`Password: ${password}   (shown only this once)`);
        });
      },
    );
}
