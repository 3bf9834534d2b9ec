// The organisation's message library: the product's defaults (domain/care/library) until someone edits
// one — then a copy in care_templates carries the default's id in `default_key` and replaces it — plus
// the organisation's own templates. Retiring hides a template (a retired copy hides its default too).
// Saving refuses unknown or misplaced variables (problem+json, one error per field) and returns the tone
// findings as warnings.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  HOLIDAY_IDS,
  SOLAR_TERM_IDS,
  type HolidayId,
  type MessageCategory,
  type messageTemplateInputSchema,
  type SolarTermId,
} from '../../../contracts/care';
import type { Template } from '../../../contracts/care-tasks';
import type { Locale } from '../../../contracts/common';
import type { ProblemField } from '../../../contracts/errors';
import {
  DEFAULT_TEMPLATES,
  templateVariables,
  validateTemplate,
  type MessageTemplate,
  type TemplateIssue,
  type ToneFinding,
} from '../../../domain/care';
import type { Db } from '../../db/client';
import { careTemplates } from '../../db/schema';
import { AppError, notFound } from '../../errors';

type Row = typeof careTemplates.$inferSelect;
type Input = z.output<typeof messageTemplateInputSchema>;
type Filter = { locale?: Locale; category?: MessageCategory; includeRetired?: boolean };

const isHoliday = (x: string | null): x is HolidayId => !!x && (HOLIDAY_IDS as readonly string[]).includes(x);
const isTerm = (x: string | null): x is SolarTermId => !!x && (SOLAR_TERM_IDS as readonly string[]).includes(x);

/** A stored row as a template. The table has no benefit flag: a birthday template that uses {benefit} allows it (saving checked the flag). */
function fromRow(r: Row): MessageTemplate {
  const t: MessageTemplate = {
    id: r.id,
    category: r.category as MessageCategory,
    locale: r.locale as Locale,
    format: r.format as MessageTemplate['format'],
    title: r.name,
    subject: r.subject,
    body: r.body,
    allowsBenefit: false,
    holidayId: isHoliday(r.occasion) ? r.occasion : null,
    termId: isTerm(r.occasion) ? r.occasion : null,
  };
  t.allowsBenefit = t.category === 'birthday' && templateVariables(t).includes('benefit');
  return t;
}

function toTemplate(t: MessageTemplate, row: Row | null): Template {
  return {
    id: t.id,
    defaultKey: row ? row.defaultKey : t.id,
    isDefault: !row,
    isActive: row ? row.isActive : true,
    category: t.category,
    locale: t.locale,
    format: t.format,
    title: t.title,
    subject: t.subject ?? null,
    body: t.body,
    allowsBenefit: t.allowsBenefit,
    holidayId: t.holidayId ?? null,
    termId: t.termId ?? null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

async function rowsOf(db: Db, orgId: string, f: Filter): Promise<Row[]> {
  const where: SQL[] = [eq(careTemplates.orgId, orgId)];
  if (f.locale) where.push(eq(careTemplates.locale, f.locale));
  if (f.category) where.push(eq(careTemplates.category, f.category));
  return db
    .select()
    .from(careTemplates)
    .where(and(...where))
    .orderBy(asc(careTemplates.createdAt), asc(careTemplates.id));
}

/** The library as staff see it: each default (or its edited copy) in library order, then the organisation's own. */
export async function libraryOf(db: Db, orgId: string, f: Filter): Promise<Template[]> {
  const rows = await rowsOf(db, orgId, f);
  const byDefault = new Map(rows.filter((r) => r.defaultKey).map((r) => [r.defaultKey!, r]));
  const out: Template[] = [];
  for (const d of DEFAULT_TEMPLATES) {
    if ((f.locale && d.locale !== f.locale) || (f.category && d.category !== f.category)) continue;
    const copy = byDefault.get(d.id);
    out.push(copy ? toTemplate(fromRow(copy), copy) : toTemplate(d, null));
  }
  for (const r of rows) if (!r.defaultKey) out.push(toTemplate(fromRow(r), r));
  return f.includeRetired ? out : out.filter((t) => t.isActive);
}

/** The active templates a task can use (pickTemplates input). */
export async function effectiveTemplates(db: Db, orgId: string, f: Filter): Promise<MessageTemplate[]> {
  const lib = await libraryOf(db, orgId, { ...f, includeRetired: false });
  return lib.map((t) => ({
    id: t.id,
    category: t.category,
    locale: t.locale,
    format: t.format,
    title: t.title,
    subject: t.subject,
    body: t.body,
    allowsBenefit: t.allowsBenefit,
    holidayId: t.holidayId,
    termId: t.termId,
  }));
}

const ISSUE_TEXT: Record<TemplateIssue['code'], (i: TemplateIssue) => string> = {
  unknown_variable: (i) => `Unknown variable {${i.variable}}`,
  variable_not_allowed: (i) => `{${i.variable}} cannot be used in this category`,
  benefit_not_allowed: (i) => `Tick “may mention the birthday benefit” to use {${i.variable}}`,
  benefit_outside_birthday: () => 'Only a birthday message may mention the birthday benefit',
  malformed_placeholder: () => 'A lone brace: write variables as {name}; type a brace twice to show it',
  holiday_outside_holiday_category: () => 'Only a holiday message can be for one holiday',
  term_outside_season_category: () => 'Only a change-of-season message can be for one solar term',
};

/** Refuses a template with errors: one problem field per issue, `body.<field>`. */
export function checkOrThrow(input: Input): ToneFinding[] {
  const { issues, tone } = validateTemplate(input);
  if (issues.length) {
    const fields: ProblemField[] = issues.map((i) => ({
      field: `body.${i.field}`,
      code: i.code,
      message: ISSUE_TEXT[i.code](i),
    }));
    throw new AppError('validation_failed', {}, fields);
  }
  return tone;
}

function valuesOf(input: Input, userId: string | null) {
  return {
    category: input.category,
    locale: input.locale,
    format: input.format,
    name: input.title,
    subject: input.subject?.trim() || null,
    body: input.body,
    occasion: input.holidayId ?? input.termId ?? null,
    updatedBy: userId,
    updatedAt: new Date(),
  };
}

export async function createTemplate(db: Db, orgId: string, userId: string | null, input: Input) {
  const tone = checkOrThrow(input);
  const [row] = await db
    .insert(careTemplates)
    .values({ orgId, ...valuesOf(input, userId) })
    .returning();
  return { template: toTemplate(fromRow(row!), row!), tone };
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The stored row of a template id, or the default it names (with its copy when there is one). */
async function resolve(db: Db, orgId: string, id: string): Promise<{ row: Row | null; def: MessageTemplate | null }> {
  if (isUuid(id)) {
    const [row] = await db
      .select()
      .from(careTemplates)
      .where(and(eq(careTemplates.orgId, orgId), eq(careTemplates.id, id)));
    if (!row) throw notFound();
    return { row, def: null };
  }
  const def = DEFAULT_TEMPLATES.find((d) => d.id === id);
  if (!def) throw notFound();
  const [row] = await db
    .select()
    .from(careTemplates)
    .where(and(eq(careTemplates.orgId, orgId), eq(careTemplates.defaultKey, id)));
  return { row: row ?? null, def };
}

/** Edits a template; editing a default copies it into the organisation's library first. */
export async function updateTemplate(db: Db, orgId: string, userId: string | null, id: string, input: Input) {
  const { row, def } = await resolve(db, orgId, id);
  const tone = checkOrThrow(input);
  if (row) {
    const [u] = await db
      .update(careTemplates)
      .set(valuesOf(input, userId))
      .where(eq(careTemplates.id, row.id))
      .returning();
    return { template: toTemplate(fromRow(u!), u!), tone };
  }
  const [created] = await db
    .insert(careTemplates)
    .values({ orgId, defaultKey: def!.id, ...valuesOf(input, userId) })
    .onConflictDoUpdate({ target: [careTemplates.orgId, careTemplates.defaultKey], set: valuesOf(input, userId) })
    .returning();
  return { template: toTemplate(fromRow(created!), created!), tone };
}

/** Retires (or restores) a template; retiring a default stores a retired copy that hides it. */
export async function setTemplateActive(db: Db, orgId: string, userId: string | null, id: string, active: boolean) {
  const { row, def } = await resolve(db, orgId, id);
  if (row) {
    const [u] = await db
      .update(careTemplates)
      .set({ isActive: active, updatedBy: userId, updatedAt: new Date() })
      .where(eq(careTemplates.id, row.id))
      .returning();
    return toTemplate(fromRow(u!), u!);
  }
  const d = def!;
  const [created] = await db
    .insert(careTemplates)
    .values({
      orgId,
      defaultKey: d.id,
      category: d.category,
      locale: d.locale,
      format: d.format,
      name: d.title,
      subject: d.subject ?? null,
      body: d.body,
      occasion: d.holidayId ?? d.termId ?? null,
      isActive: active,
      updatedBy: userId,
    })
    .returning();
  return toTemplate(fromRow(created!), created!);
}
