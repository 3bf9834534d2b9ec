// keqing tasks generate|list: the care engine by hand. `generate` creates the tasks due on a day (and
// those a rule creates ahead of time) exactly as the daily job does; `list` prints a day's tasks.
import type { Command } from 'commander';
import type { Locale } from '../contracts/common';
import { RULE_IDS } from '../contracts/care';
import { isIsoDate, localDateOf } from '../domain/care';
import { appText } from '../i18n/server';
import { withDatabase } from './context';

type Opts = { date?: string; store?: string; json?: boolean };

function checkDate(date: string | undefined) {
  if (date !== undefined && !isIsoDate(date)) {
    console.error('--date must be a calendar day, YYYY-MM-DD');
    process.exit(2);
  }
}

// Display width: CJK characters take two columns in a terminal.
const width = (s: string) =>
  [...s].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function registerTaskCommands(program: Command) {
  const tasks = program.command('tasks').description("care tasks: each guide's list for the day");

  tasks
    .command('generate')
    .description('create the care tasks due on a day (default: each store’s today), idempotently')
    .option('--date <YYYY-MM-DD>', 'the store-local day')
    .option('--store <CODE>', 'only this store')
    .option('--json', 'print the result as JSON')
    .action(async (opts: Opts) => {
      checkDate(opts.date);
      const { generateCareTasks, loadStores } = await import('../server/modules/care');
      await withDatabase(async ({ database, orgId }) => {
        if (opts.store && !(await loadStores(database.db, orgId, opts.store)).length) {
          console.error(`No active store with code ${opts.store}`);
          process.exit(2);
        }
        const r = await generateCareTasks(database, { orgId, storeCode: opts.store, date: opts.date, source: 'cli' });
        const out = {
          date: r.date,
          created: r.created,
          unchanged: r.unchanged,
          suppressed: r.suppressed,
          byRule: r.byRule,
        };
        if (opts.json) {
          console.log(JSON.stringify(out));
          return;
        }
        const locale: Locale = 'en';
        console.log(
          `${r.date}: ${r.created} created (${r.tasks} new tasks, ${r.merged} added to open tasks), ${r.unchanged} unchanged, ${r.suppressed} suppressed, ${r.customers} customers checked in ${(r.ms / 1000).toFixed(1)} s.`,
        );
        const rows = RULE_IDS.filter((id) => r.byRule[id]).map((id) => [
          appText(locale, `care.rules.${id}`),
          String(r.byRule[id]),
        ]);
        if (rows.length) console.log(table(['rule', 'created'], rows));
        for (const s of r.stores.filter((x) => x.skipped))
          console.log(`Store ${s.storeCode}: another run was still busy; run again later.`);
      });
    });

  tasks
    .command('list')
    .description('print the care tasks due on a day (default: each store’s today)')
    .option('--date <YYYY-MM-DD>', 'the store-local day')
    .option('--store <CODE>', 'only this store')
    .option('--json', 'print the tasks as JSON')
    .action(async (opts: Opts) => {
      checkDate(opts.date);
      const { loadStores, tasksDueOn } = await import('../server/modules/care');
      await withDatabase(async ({ database, orgId }) => {
        const stores = await loadStores(database.db, orgId, opts.store);
        if (opts.store && !stores.length) {
          console.error(`No active store with code ${opts.store}`);
          process.exit(2);
        }
        const out: Array<{
          member_no: string;
          customer: string;
          rule: string;
          reasons: string[];
          due: string;
          assignee: string;
          status: string;
        }> = [];
        for (const s of stores) {
          const date = opts.date ?? localDateOf(new Date(), s.timezone);
          for (const t of await tasksDueOn(database.db, orgId, s.id, date, s.locale as Locale)) {
            out.push({
              member_no: t.memberNo ?? '',
              customer: t.customerName,
              rule: t.ownerRule,
              reasons: t.reasons.map((x) => x.text),
              due: t.dueOn,
              assignee: t.assigneeName ?? '',
              status: t.status,
            });
          }
        }
        if (opts.json) {
          console.log(JSON.stringify(out));
          return;
        }
        if (!out.length) {
          console.log('No care tasks due.');
          return;
        }
        console.log(
          table(
            ['due', 'assignee', 'member', 'customer', 'status', 'reasons'],
            out.map((t) => [t.due, t.assignee, t.member_no, t.customer, t.status, t.reasons.join('; ')]),
          ),
        );
      });
    });
}
