// Care tasks as staff work them: the list (today / upcoming / overdue, mine or my store's, store-local
// days) and one task with why, her essentials and the words to say. The actions on a task are in
// task-actions.service.ts.
import { and, asc, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CareOutcome,
  SuggestedMessage,
  TaskDetail,
  TaskListItem,
  TaskPage,
  TaskReason,
  taskListQuerySchema,
} from '../../../contracts/care-tasks';
import type { ContactKind, HolidayId, MessageCategory, RuleId, SolarTermId } from '../../../contracts/care';
import type { Locale, Role } from '../../../contracts/common';
import { getTierBenefits, type TierBenefits } from '../loyalty';
import {
  birthdayBenefitPhrase,
  localDateOf,
  pickTemplates,
  renderTemplate,
  type RenderContext,
} from '../../../domain/care';
import type { Db } from '../../db/client';
import {
  careTaskReasons,
  careTasks,
  complaints,
  contactLog,
  customers,
  organizations,
  receiptLines,
  receipts,
  stores,
  users,
} from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { Principal } from '../../plugins/auth';
import { getCustomerRowOrThrow } from '../customers/customers.service';
import { toCustomer } from '../customers/customers.mapping';
import { getContact } from '../messaging/contacts.service';
import { effectiveTemplates } from './templates.service';

export type TaskRow = typeof careTasks.$inferSelect;
type ListQuery = z.output<typeof taskListQuerySchema>;

const MANAGER_ROLES: readonly Role[] = ['owner', 'hq', 'regional_manager', 'store_manager'];

export type TaskActor = { orgId: string; userId: string | null; role: Role | null; storeIds: string[] };

export function taskActorOf(p: Principal): TaskActor {
  return p.kind === 'user'
    ? { orgId: p.orgId, userId: p.userId, role: p.role, storeIds: p.storeIds }
    : { orgId: p.orgId, userId: null, role: null, storeIds: p.storeIds };
}

const isManager = (a: TaskActor) => a.role !== null && MANAGER_ROLES.includes(a.role);

/** Whether the actor may see and act on the task: hers (assigned or escalated to her), or her stores' as a manager. */
function canSee(a: TaskActor, t: Pick<TaskRow, 'storeId' | 'assigneeId' | 'escalatedTo'>): boolean {
  if (!a.storeIds.includes(t.storeId)) return false;
  if (isManager(a)) return true;
  return a.userId !== null && (t.assigneeId === a.userId || t.escalatedTo === a.userId);
}

/** Store-local today of each store, grouped: usually one or two distinct days. */
async function todaysByStore(db: Db, orgId: string, storeIds: string[], now: Date) {
  if (!storeIds.length) return new Map<string, string[]>();
  const rows = await db
    .select({ id: stores.id, tz: stores.timezone })
    .from(stores)
    .where(and(eq(stores.orgId, orgId), inArray(stores.id, storeIds)));
  const byDay = new Map<string, string[]>();
  for (const s of rows) {
    const day = localDateOf(now, s.tz);
    byDay.set(day, [...(byDay.get(day) ?? []), s.id]);
  }
  return byDay;
}

export async function storeToday(db: Db, storeId: string, now = new Date()): Promise<string> {
  const [s] = await db.select({ tz: stores.timezone }).from(stores).where(eq(stores.id, storeId));
  return localDateOf(now, s?.tz ?? 'UTC');
}

/**
 * A guide's (or a store's) open tasks for one view, keyset-paged on (due_on, id) — the order of the
 * care_tasks_assignee_due_idx / care_tasks_store_due_idx indexes — with their reasons in a second query.
 */
export async function listTasks(db: Db, a: TaskActor, q: ListQuery, now = new Date()): Promise<TaskPage> {
  if (q.scope === 'store' && !isManager(a)) throw new AppError('forbidden');
  if (q.storeId && !a.storeIds.includes(q.storeId))
    throw new AppError('validation_failed', {}, [
      { field: 'query.storeId', code: 'unknown_store', message: 'Unknown store' },
    ]);
  const storeIds = q.storeId ? [q.storeId] : a.storeIds;
  const byDay = await todaysByStore(db, a.orgId, storeIds, now);
  const firstToday = [...byDay.keys()].sort()[0] ?? localDateOf(now, 'UTC');
  if (!byDay.size) return { items: [], nextCursor: null, today: firstToday };

  const dayCond = (day: string) =>
    q.view === 'today'
      ? eq(careTasks.dueOn, day)
      : q.view === 'upcoming'
        ? gt(careTasks.dueOn, day)
        : lt(careTasks.dueOn, day);
  const where: SQL[] = [
    eq(careTasks.orgId, a.orgId),
    eq(careTasks.status, 'open'),
    or(...[...byDay].map(([day, ids]) => and(inArray(careTasks.storeId, ids), dayCond(day))))!,
  ];
  if (q.scope === 'mine') {
    if (!a.userId) return { items: [], nextCursor: null, today: firstToday };
    where.push(or(eq(careTasks.assigneeId, a.userId), eq(careTasks.escalatedTo, a.userId))!);
  }
  const after = decodeCursor(q.cursor);
  if (after)
    where.push(or(gt(careTasks.dueOn, after.k), and(eq(careTasks.dueOn, after.k), gt(careTasks.id, after.id)))!);
  const rows = await db
    .select({ t: careTasks })
    .from(careTasks)
    .where(and(...where))
    .orderBy(asc(careTasks.dueOn), asc(careTasks.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit).map((r) => r.t);
  const items = await toListItems(db, page);
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.dueOn, last.id) : null,
    today: firstToday,
  };
}

function reasonOf(r: typeof careTaskReasons.$inferSelect): TaskReason {
  // The engine stores the reason's catalogue key with its ids (generate.ts); the rule's name otherwise.
  const { reasonKey, ...params } = (r.params ?? {}) as Record<string, unknown>;
  const key = typeof reasonKey === 'string' ? reasonKey : `care.rules.${r.ruleId}`;
  return { ruleId: r.ruleId as RuleId, reasonKey: key, occasionKey: r.occasionKey, dueOn: r.dueOn, params };
}

async function toListItems(db: Db, tasks: TaskRow[]): Promise<TaskListItem[]> {
  if (!tasks.length) return [];
  const ids = tasks.map((t) => t.id);
  const [reasons, people, custs] = await Promise.all([
    db
      .select()
      .from(careTaskReasons)
      .where(inArray(careTaskReasons.taskId, ids))
      .orderBy(asc(careTaskReasons.createdAt), asc(careTaskReasons.id)),
    namesOf(
      db,
      tasks.flatMap((t) => [t.assigneeId, t.escalatedTo, t.completedBy]),
    ),
    db
      .select({
        id: customers.id,
        displayName: customers.displayName,
        memberNo: customers.memberNo,
        tier: customers.tier,
        lastVisitAt: customers.lastVisitAt,
      })
      .from(customers)
      .where(
        inArray(
          customers.id,
          tasks.map((t) => t.customerId),
        ),
      ),
  ]);
  const byTask = new Map<string, TaskReason[]>();
  for (const r of reasons) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), reasonOf(r)]);
  const custById = new Map(custs.map((c) => [c.id, c]));
  const person = (id: string | null) => (id ? { id, name: people.get(id) ?? '' } : null);
  return tasks.map((t) => {
    const c = custById.get(t.customerId)!;
    return {
      id: t.id,
      storeId: t.storeId,
      customer: {
        id: c.id,
        displayName: c.displayName,
        memberNo: c.memberNo,
        tier: c.tier,
        lastVisitAt: c.lastVisitAt?.toISOString() ?? null,
      },
      kind: t.kind as ContactKind,
      category: t.category as MessageCategory,
      channels: t.channels,
      status: t.status as TaskListItem['status'],
      dueOn: t.dueOn,
      originalDueOn: t.originalDueOn,
      assignee: person(t.assigneeId),
      assigneeRole: t.assigneeRole,
      escalatedAt: t.escalatedAt?.toISOString() ?? null,
      escalatedTo: person(t.escalatedTo),
      outcome: (t.outcome as CareOutcome | null) ?? null,
      reasons: byTask.get(t.id) ?? [],
      version: t.version,
    };
  });
}

async function namesOf(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map();
  const found = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(found.map((u) => [u.id, u.name]));
}

export async function taskOrThrow(db: Db, a: TaskActor, id: string): Promise<TaskRow> {
  const [t] = await db
    .select()
    .from(careTasks)
    .where(and(eq(careTasks.orgId, a.orgId), eq(careTasks.id, id)));
  // Another store's task, or a colleague's for staff, is "not found": she must not learn it exists.
  if (!t || !canSee(a, t)) throw notFound();
  return t;
}

/** Her tier's name in the message language, for `{tier}`. */
function tierLabel(tier: TierBenefits | null, locale: Locale): string | null {
  if (!tier) return null;
  const labels = tier.labels as Partial<Record<Locale, string>>;
  return labels[locale] ?? labels.en ?? tier.key;
}

/**
 * The language she is written to in: hers when her file has one, else her store's. Suggestions, `{tier}`,
 * `{benefit}` and the messages queued from them all use it.
 */
export function messageLocaleOf(customerLanguage: string | null | undefined, storeLocale: string): Locale {
  return (customerLanguage ?? storeLocale) as Locale;
}

/** The words to say, from the organisation's library in her language (the store's when hers is unknown). */
async function suggestionsFor(
  db: Db,
  t: TaskRow,
  reasons: TaskReason[],
  ctx: {
    customer: RenderContext['customer'];
    guide: string;
    store: string;
    brand: string;
    item: string | null;
    tier: string | null;
    /** Her tier's birthday-month benefit in words; birthday tasks only. */
    benefit: string | null;
  },
  locale: Locale,
): Promise<SuggestedMessage[]> {
  const library = await effectiveTemplates(db, t.orgId, { locale, category: t.category as MessageCategory });
  const params = reasons[0]?.params ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const context: RenderContext = {
    customer: ctx.customer,
    guide: ctx.guide,
    store: ctx.store,
    brand: ctx.brand,
    date: (str(params.date) ?? t.dueOn) as RenderContext['date'],
    holidayId: str(params.holiday) as HolidayId | null,
    termId: str(params.term) as SolarTermId | null,
    season: str(params.season),
    item: ctx.item,
    tier: ctx.tier,
    benefit: ctx.benefit,
  };
  const fits = pickTemplates(library, {
    category: t.category as MessageCategory,
    locale,
    holidayId: context.holidayId,
    termId: context.termId,
    context,
  });
  // A call or visit starts from a script; a message from a message. Both are offered, the fitting first.
  const wantScript = t.kind === 'call' || t.kind === 'visit';
  const first = fits.filter((f) => (f.format === 'script') === wantScript);
  const ordered = [...first, ...fits.filter((f) => !first.includes(f))];
  const out: SuggestedMessage[] = [];
  for (const tpl of ordered.slice(0, 6)) {
    const r = renderTemplate(tpl, context);
    if (r.ok)
      out.push({ templateId: tpl.id, title: tpl.title, format: tpl.format, locale, subject: r.subject, text: r.text });
  }
  return out;
}

export async function getTaskDetail(db: Db, p: Principal, id: string): Promise<TaskDetail> {
  const a = taskActorOf(p);
  const t = await taskOrThrow(db, a, id);
  const [item] = await toListItems(db, [t]);
  const c = await getCustomerRowOrThrow(db, a, t.customerId);
  const [file, purchases, store, org, me, contacts, complaint, completedBy] = await Promise.all([
    toCustomer(db, p, c),
    db
      .select({
        occurredAt: receipts.occurredAt,
        receiptNo: receipts.receiptNo,
        productName: receiptLines.productName,
        size: receiptLines.size,
        colour: receiptLines.colour,
        quantity: receiptLines.quantity,
        paidAmount: receiptLines.paidAmount,
        currency: receipts.currency,
      })
      .from(receipts)
      .innerJoin(receiptLines, eq(receiptLines.receiptId, receipts.id))
      .where(and(eq(receipts.orgId, a.orgId), eq(receipts.customerId, c.id), eq(receipts.kind, 'sale')))
      .orderBy(desc(receipts.occurredAt), asc(receiptLines.lineNo))
      .limit(5),
    db.select().from(stores).where(eq(stores.id, t.storeId)),
    db.select({ name: organizations.name }).from(organizations).where(eq(organizations.orgId, a.orgId)),
    a.userId ? db.select({ name: users.displayName }).from(users).where(eq(users.id, a.userId)) : Promise.resolve([]),
    db
      .select({ id: contactLog.id })
      .from(contactLog)
      .where(and(eq(contactLog.orgId, a.orgId), eq(contactLog.taskId, t.id)))
      .orderBy(asc(contactLog.contactedAt)),
    db.select({ id: complaints.id }).from(complaints).where(eq(complaints.taskId, t.id)).limit(1),
    t.completedBy ? namesOf(db, [t.completedBy]) : Promise.resolve(new Map<string, string>()),
  ]);
  const s = store[0]!;
  const locale = messageLocaleOf(c.language, s.locale);
  const tier = await getTierBenefits(db, a.orgId, c.tier);
  const suggestions = await suggestionsFor(
    db,
    t,
    item!.reasons,
    {
      customer: { familyName: c.familyName, givenName: c.givenName, gender: c.gender as 'female' | 'male' | null },
      guide: me[0]?.name ?? item!.assignee?.name ?? s.name,
      store: s.name,
      brand: org[0]?.name ?? '',
      item: purchases[0]?.productName ?? null,
      tier: tierLabel(tier, locale),
      benefit: t.category === 'birthday' ? birthdayBenefitPhrase(tier?.birthdayMonthPricePercent, locale) : null,
    },
    locale,
  );
  const contactList = (await Promise.all(contacts.map((x) => getContact(db, a.orgId, x.id)))).filter(
    (x): x is NonNullable<typeof x> => Boolean(x),
  );
  return {
    ...item!,
    note: t.note,
    completedAt: t.completedAt?.toISOString() ?? null,
    completedBy: t.completedBy ? { id: t.completedBy, name: completedBy.get(t.completedBy) ?? '' } : null,
    contactId: t.contactId,
    complaintId: complaint[0]?.id ?? null,
    customerFile: file,
    recentPurchases: purchases.map((x) => ({
      ...x,
      occurredAt: x.occurredAt.toISOString(),
      paidAmount: Number(x.paidAmount),
    })),
    suggestions,
    contacts: contactList,
  };
}

export async function getComplaint(db: Db, p: Principal, id: string) {
  const [row] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.orgId, p.orgId), eq(complaints.id, id)));
  if (!row || !p.storeIds.includes(row.storeId)) throw notFound();
  const names = await namesOf(db, [row.openedBy]);
  const [c] = await db.select({ name: customers.displayName }).from(customers).where(eq(customers.id, row.customerId));
  return {
    id: row.id,
    storeId: row.storeId,
    customerId: row.customerId,
    customerName: c?.name ?? '',
    taskId: row.taskId,
    summary: row.summary,
    status: row.status,
    openedBy: { id: row.openedBy, name: names.get(row.openedBy) ?? '' },
    createdAt: row.createdAt.toISOString(),
  };
}
