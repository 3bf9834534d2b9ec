// Editing the question bank: sections and questions, added at the end, moved one step at a time, relabelled
// and retired. Answers are never deleted here: a retired question keeps them, and an option that answers
// still use cannot be removed.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createCustomFieldBodySchema,
  createSectionBodySchema,
  MoveDirection,
  updateCustomFieldBodySchema,
  updateSectionBodySchema,
} from '../../../contracts/custom-fields';
import type { ProblemField } from '../../../contracts/errors';
import { rows, type Db } from '../../db/client';
import { customFields, customFieldSections } from '../../db/schema';
import { AppError, notFound } from '../../errors';

type SectionRow = typeof customFieldSections.$inferSelect;
type FieldRow = typeof customFields.$inferSelect;

const STEP = 10;

const invalid = (field: string, code: string, message: string) =>
  new AppError('validation_failed', {}, [{ field, code, message }]);
const taken = (key: string) => invalid('body.key', 'taken', `The key ${key} is already used`);

async function sectionOrThrow(db: Db, orgId: string, id: string, field?: string): Promise<SectionRow> {
  const [s] = await db
    .select()
    .from(customFieldSections)
    .where(and(eq(customFieldSections.orgId, orgId), eq(customFieldSections.id, id)));
  if (s) return s;
  throw field ? invalid(field, 'unknown_section', 'No such section') : notFound();
}

async function nextSectionPosition(db: Db, orgId: string): Promise<number> {
  const [r] = await rows<{ p: number }>(
    db,
    sql`select coalesce(max(position), 0)::int + ${STEP} as p from custom_field_sections where org_id = ${orgId}`,
  );
  return r?.p ?? STEP;
}

async function nextFieldPosition(db: Db, sectionId: string): Promise<number> {
  const [r] = await rows<{ p: number }>(
    db,
    sql`select coalesce(max(position), 0)::int + ${STEP} as p from custom_fields where section_id = ${sectionId}`,
  );
  return r?.p ?? STEP;
}

export async function createSection(db: Db, orgId: string, input: z.infer<typeof createSectionBodySchema>) {
  const position = input.position ?? (await nextSectionPosition(db, orgId));
  const [s] = await db
    .insert(customFieldSections)
    .values({ orgId, key: input.key, labels: input.labels, position })
    .onConflictDoNothing()
    .returning();
  if (!s) throw taken(input.key);
  return s;
}

export async function updateSection(db: Db, orgId: string, id: string, input: z.infer<typeof updateSectionBodySchema>) {
  const [s] = await db
    .update(customFieldSections)
    .set(input)
    .where(and(eq(customFieldSections.orgId, orgId), eq(customFieldSections.id, id)))
    .returning();
  if (!s) throw notFound();
  return s;
}

/** Swaps a row with its neighbour and renumbers the whole list 10, 20, 30… so equal positions cannot stall a move. */
function reorder<T extends { id: string }>(list: T[], id: string, direction: MoveDirection): T[] | null {
  const i = list.findIndex((x) => x.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= list.length) return null;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

export async function moveSection(db: Db, orgId: string, id: string, direction: MoveDirection) {
  await sectionOrThrow(db, orgId, id);
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const list = await tx
      .select()
      .from(customFieldSections)
      .where(eq(customFieldSections.orgId, orgId))
      .orderBy(asc(customFieldSections.position), asc(customFieldSections.key));
    const next = reorder(list, id, direction);
    if (!next) return; // already first or last: nothing to do
    for (const [k, s] of next.entries())
      if (s.position !== (k + 1) * STEP)
        await tx
          .update(customFieldSections)
          .set({ position: (k + 1) * STEP })
          .where(eq(customFieldSections.id, s.id));
  });
}

export async function createField(db: Db, orgId: string, input: z.infer<typeof createCustomFieldBodySchema>) {
  await sectionOrThrow(db, orgId, input.sectionId, 'body.sectionId');
  const position = input.position ?? (await nextFieldPosition(db, input.sectionId));
  const [f] = await db
    .insert(customFields)
    .values({
      orgId,
      sectionId: input.sectionId,
      key: input.key,
      type: input.type,
      labels: input.labels,
      // Only choice questions have options; anything sent with another type is dropped.
      options: input.type.includes('choice') ? input.options : [],
      position,
    })
    .onConflictDoNothing()
    .returning();
  if (!f) throw taken(input.key);
  return f;
}

async function fieldOrThrow(db: Db, orgId: string, id: string): Promise<FieldRow> {
  const [f] = await db
    .select()
    .from(customFields)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.id, id)));
  if (!f) throw notFound();
  return f;
}

/** Option values that answers still hold (a choice answer is a JSON string, a multi-choice one an array). */
async function optionsInUse(db: Db, fieldId: string, values: string[]): Promise<Set<string>> {
  if (!values.length) return new Set();
  const used = await rows<{ v: string }>(
    db,
    sql`select distinct o.v from unnest(${sql.param(values)}::text[]) as o(v)
        where exists (select 1 from customer_custom_values cv where cv.field_id = ${fieldId}
                      and (cv.value = to_jsonb(o.v) or cv.value @> jsonb_build_array(o.v)))`,
  );
  return new Set(used.map((u) => u.v));
}

export async function updateField(
  db: Db,
  orgId: string,
  id: string,
  input: z.infer<typeof updateCustomFieldBodySchema>,
) {
  const before = await fieldOrThrow(db, orgId, id);
  const errors: ProblemField[] = [];
  const patch: Partial<typeof customFields.$inferInsert> = {};
  if (input.labels) patch.labels = input.labels;
  if (input.isActive !== undefined) patch.isActive = input.isActive;
  if (input.position !== undefined) patch.position = input.position;
  if (input.options) {
    if (!before.type.includes('choice')) {
      errors.push({ field: 'body.options', code: 'not_choice', message: 'Only choice questions have options' });
    } else if (input.options.length < 2) {
      errors.push({ field: 'body.options', code: 'too_few', message: 'A choice question needs at least two options' });
    } else {
      const kept = new Set(input.options.map((o) => o.value));
      const removed = before.options.map((o) => o.value).filter((v) => !kept.has(v));
      const used = await optionsInUse(db, id, removed);
      for (const v of used)
        errors.push({ field: 'body.options', code: 'option_in_use', message: `Answers still use the option ${v}` });
      patch.options = input.options;
    }
  }
  if (input.sectionId && input.sectionId !== before.sectionId) {
    await sectionOrThrow(db, orgId, input.sectionId, 'body.sectionId');
    patch.sectionId = input.sectionId;
    patch.position = input.position ?? (await nextFieldPosition(db, input.sectionId));
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  if (!Object.keys(patch).length) return before;
  const [f] = await db
    .update(customFields)
    .set(patch)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.id, id)))
    .returning();
  return f!;
}

export async function moveField(db: Db, orgId: string, id: string, direction: MoveDirection) {
  const field = await fieldOrThrow(db, orgId, id);
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const list = await tx
      .select()
      .from(customFields)
      .where(eq(customFields.sectionId, field.sectionId))
      .orderBy(asc(customFields.position), asc(customFields.key));
    const next = reorder(list, id, direction);
    if (!next) return;
    for (const [k, f] of next.entries())
      if (f.position !== (k + 1) * STEP)
        await tx
          .update(customFields)
          .set({ position: (k + 1) * STEP })
          .where(eq(customFields.id, f.id));
  });
  return fieldOrThrow(db, orgId, id);
}
