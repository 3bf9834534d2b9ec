// The customer file. Identity and contact fields are columns (searched, de-duplicated); body data and
// soft data live in `profile` (validated by contracts/customers.ts); every change is kept in
// customer_field_history; search keys are denormalised into customer_search_keys for prefix search.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Labels } from '../../../contracts/custom-fields';
import { organizations, stores, users } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    memberNo: text('member_no'),
    familyName: text('family_name').notNull(),
    givenName: text('given_name'),
    displayName: text('display_name').notNull(),
    reading: text('reading'),
    gender: text('gender'),
    // The language she is written to in (one of the four locales); null: her store's.
    language: text('language'),
    ethnicity: text('ethnicity'),
    birthday: date('birthday'),
    lunarBirthMonth: smallint('lunar_birth_month'),
    lunarBirthDay: smallint('lunar_birth_day'),
    lunarBirthLeap: boolean('lunar_birth_leap').notNull().default(false),
    lunarBirthYear: smallint('lunar_birth_year'),
    ageBand: text('age_band'),
    email: text('email'),
    addresses: jsonb('addresses').$type<unknown[]>().notNull().default([]),
    source: text('source').notNull().default('walk_in'),
    referredById: uuid('referred_by_id'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    profile: jsonb('profile').$type<Record<string, unknown>>().notNull().default({}),
    completeness: smallint('completeness').notNull().default(0),
    isDeceased: boolean('is_deceased').notNull().default(false),
    doNotContact: boolean('do_not_contact').notNull().default(false),
    mergedIntoId: uuid('merged_into_id'),
    erasedAt: ts('erased_at'),
    lastVisitAt: ts('last_visit_at'),
    tier: text('tier'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('customers_language_check', sql`${t.language} in ('zh-CN', 'zh-TW', 'ja', 'en')`),
    uniqueIndex('customers_org_member_no_uq')
      .on(t.orgId, t.memberNo)
      .where(sql`${t.memberNo} is not null`),
    index('customers_org_email_idx').on(t.orgId, sql`lower(${t.email})`),
    index('customers_store_idx').on(t.storeId, t.displayName),
    index('customers_owner_idx').on(t.ownerUserId),
    // Birthday segments ("birthday next month"): the month-day code and the lunar code exactly as
    // segments/segment-sql.ts writes them, so a birthday condition drives a bitmap scan instead of
    // evaluating the dates of every customer of the organisation.
    index('customers_org_birthday_md_idx')
      .on(t.orgId, sql`(extract(month from ${t.birthday})::int * 100 + extract(day from ${t.birthday})::int)`)
      .where(sql`${t.birthday} is not null`),
    index('customers_org_lunar_md_idx')
      .on(
        t.orgId,
        sql`((case when ${t.lunarBirthLeap} then 10000 else 0 end) + ${t.lunarBirthMonth} * 100 + ${t.lunarBirthDay})`,
      )
      .where(sql`${t.lunarBirthMonth} is not null`),
  ],
);

export const customerPhones = pgTable(
  'customer_phones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    e164: text('e164').notNull(),
    label: text('label').notNull().default('mobile'),
    isPrimary: boolean('is_primary').notNull().default(false),
    // Digits of the national number, reversed, so "ends with 8000" is a prefix search on an index.
    reversedDigits: text('reversed_digits').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('customer_phones_customer_idx').on(t.customerId),
    index('customer_phones_e164_idx').on(t.orgId, t.e164),
    index('customer_phones_tail_idx').on(t.orgId, sql`${t.reversedDigits} text_pattern_ops`),
  ],
);

// One row per searchable form of a customer's name and identifiers (folded Han, pinyin, initials,
// kana, romaji, e-mail, member number). rank 0: the whole key; rank 1: a later part of it, for
// "any part of the name" matches.
export const customerSearchKeys = pgTable(
  'customer_search_keys',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    storeId: uuid('store_id').notNull(),
    key: text('key').notNull(),
    rank: smallint('rank').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.key, t.rank] }),
    index('customer_search_keys_key_idx').on(t.orgId, sql`${t.key} text_pattern_ops`),
  ],
);

export const customerFieldHistory = pgTable(
  'customer_field_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    field: text('field').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    source: text('source').notNull().default('ui'),
    changedBy: uuid('changed_by'),
    changedAt: ts('changed_at').notNull().defaultNow(),
  },
  (t) => [index('customer_history_customer_idx').on(t.customerId, t.changedAt)],
);

export const customerNotes = pgTable(
  'customer_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    storeId: uuid('store_id').notNull(),
    authorId: uuid('author_id'),
    kind: text('kind').notNull().default('note'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('customer_notes_customer_idx').on(t.customerId, t.createdAt)],
);

// Append-only: the current consent for a channel and purpose is the latest row.
export const customerConsents = pgTable(
  'customer_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: text('channel').notNull(),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    method: text('method').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('customer_consents_customer_idx').on(t.customerId, t.channel, t.purpose, t.recordedAt)],
);

// The organisation's question bank (in the spirit of the Mackay 66 profile): sections and fields with
// labels in the four languages.
export const customFieldSections = pgTable(
  'custom_field_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    key: text('key').notNull(),
    labels: jsonb('labels').$type<Labels>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('custom_field_sections_key_uq').on(t.orgId, t.key)],
);

export const customFields = pgTable(
  'custom_fields',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => customFieldSections.id),
    key: text('key').notNull(),
    type: text('type').notNull(),
    labels: jsonb('labels').$type<Labels>().notNull(),
    options: jsonb('options').$type<Array<{ value: string; labels: Labels }>>().notNull().default([]),
    position: integer('position').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [uniqueIndex('custom_fields_key_uq').on(t.orgId, t.key)],
);

export const customerCustomValues = pgTable(
  'customer_custom_values',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.orgId),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    fieldId: uuid('field_id')
      .notNull()
      .references(() => customFields.id),
    value: jsonb('value').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.fieldId] })],
);
