// Overdue care tasks go to the store manager: an open task still open `escalation.afterDays` days
// after its due day is marked escalated_at / escalated_to once (it then shows on the manager's list
// too, and stays on the guide's). Set-based: one UPDATE per store.
import { sql } from 'drizzle-orm';
import { addDays, localDateOf, type IsoDate } from '../../../domain/care';
import { rows, type Db } from '../../db/client';
import { loadStores, storeManagers } from './run-context';
import { getCareSettings } from './settings.service';

export type EscalationResult = {
  escalated: number;
  stores: Array<{ storeCode: string; date: IsoDate; escalated: number }>;
};

/** Escalates the organisation's overdue open tasks (each store on its own local day, or `date`). */
export async function escalateOverdueTasks(
  db: Db,
  opts: { orgId: string; storeId?: string; date?: IsoDate; now?: Date },
): Promise<EscalationResult> {
  const { settings } = await getCareSettings(db, opts.orgId);
  const out: EscalationResult = { escalated: 0, stores: [] };
  if (!settings.escalation.enabled) return out;
  for (const store of await loadStores(db, opts.orgId)) {
    if (opts.storeId && store.id !== opts.storeId) continue;
    const date = opts.date ?? localDateOf(opts.now ?? new Date(), store.timezone);
    const { storeManagerId } = await storeManagers(db, opts.orgId, store);
    if (!storeManagerId) continue; // nobody to escalate to: they stay overdue on the guide's list
    const cutoff = addDays(date, -settings.escalation.afterDays);
    const done = await rows<{ id: string }>(
      db,
      sql`update care_tasks set escalated_at = now(), escalated_to = ${storeManagerId}, version = version + 1, updated_at = now()
          where org_id = ${opts.orgId} and store_id = ${store.id} and status = 'open'
            and escalated_at is null and due_on <= ${cutoff}::date
          returning id`,
    );
    out.escalated += done.length;
    out.stores.push({ storeCode: store.code, date, escalated: done.length });
  }
  return out;
}
