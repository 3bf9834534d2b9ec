// Export of the current search or list (the same scope rules as GET /api/customers) to CSV or XLSX,
// page by page so that a large list streams. Contacts are masked unless the role may see them.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Locale, Role } from '../../../contracts/common';
import type { ExportQuery } from '../../../contracts/imports';
import { maskPhone } from '../../../domain/phone';
import type { Db } from '../../db/client';
import { stores, users } from '../../db/schema';
import type { Principal } from '../../plugins/auth';
import { maskEmail, phonesOf, type CustomerRow } from '../customers/customers.mapping';
import { LANGUAGE_ENDONYMS } from './values';
import { findCustomers } from '../customers/customers.queries';

/** Roles that export contacts in clear; everyone else gets 138****8000 and ha***@example.jp. */
export const CONTACT_ROLES: readonly Role[] = ['owner', 'hq', 'store_manager'];
export const seesContacts = (p: Principal) => p.kind === 'user' && CONTACT_ROLES.includes(p.role);

const COLUMNS = [
  'memberNo',
  'name',
  'reading',
  'phone',
  'email',
  'birthday',
  'store',
  'owner',
  'completeness',
  'lastVisit',
  // Appended, so the columns before keep their places for files and macros built on the export.
  'language',
] as const;
type Column = (typeof COLUMNS)[number];
export type ExportCell = string | number | Date | null;

// Header words the import recognises too, so an exported list can be read back.
const HEADERS: Record<Locale, Record<Column, string>> = {
  'zh-CN': {
    memberNo: '会员号',
    name: '姓名',
    reading: '读音',
    phone: '手机',
    email: '邮箱',
    birthday: '生日',
    store: '门店',
    owner: '专属导购',
    completeness: '档案完整度',
    lastVisit: '最近到店',
    language: '语言',
  },
  'zh-TW': {
    memberNo: '會員號',
    name: '姓名',
    reading: '讀音',
    phone: '手機',
    email: '郵箱',
    birthday: '生日',
    store: '門市',
    owner: '專屬導購',
    completeness: '檔案完整度',
    lastVisit: '最近到店',
    language: '語言',
  },
  ja: {
    memberNo: '会員番号',
    name: '氏名',
    reading: 'フリガナ',
    phone: '電話番号',
    email: 'メール',
    birthday: '誕生日',
    store: '店舗',
    owner: '担当スタッフ',
    completeness: 'カルテ充実度',
    lastVisit: '最終来店',
    language: '言語',
  },
  en: {
    memberNo: 'Member no',
    name: 'Name',
    reading: 'Reading',
    phone: 'Phone',
    email: 'E-mail',
    birthday: 'Birthday',
    store: 'Store',
    owner: 'Owner guide',
    completeness: 'Completeness',
    lastVisit: 'Last visit',
    language: 'Language',
  },
};

export const exportHeaders = (locale: Locale) => COLUMNS.map((c) => HEADERS[locale][c]);

const PAGE = 500;

function phoneText(e164: string, country: string, masked: boolean): string {
  if (masked) return maskPhone(e164);
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === country ? phone.formatNational() : phone.formatInternational();
}

const dayIn = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

type CustomerPage = { rows: CustomerRow[]; nextCursor: string | null };

/**
 * Customers in COLUMNS order, page by page, from any paged customer query (the search, a segment).
 * Dates are YYYY-MM-DD strings in each customer's store time zone; contacts masked unless allowed.
 */
export async function* customerExportPages(
  db: Db,
  orgId: string,
  masked: boolean,
  nextPage: (cursor: string | undefined) => Promise<CustomerPage>,
): AsyncGenerator<ExportCell[][]> {
  const storeRows = await db
    .select({ id: stores.id, code: stores.code, country: stores.country, timezone: stores.timezone })
    .from(stores)
    .where(eq(stores.orgId, orgId));
  const storeById = new Map(storeRows.map((s) => [s.id, s]));
  let cursor: string | undefined;
  do {
    const page = await nextPage(cursor);
    cursor = page.nextCursor ?? undefined;
    if (!page.rows.length) break;
    const ownerIds = [...new Set(page.rows.map((c) => c.ownerUserId).filter((id): id is string => !!id))];
    const [phones, owners] = await Promise.all([
      phonesOf(
        db,
        page.rows.map((c) => c.id),
      ),
      ownerIds.length
        ? db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(and(eq(users.orgId, orgId), inArray(users.id, ownerIds)))
        : Promise.resolve([]),
    ]);
    const ownerName = new Map(owners.map((o) => [o.id, o.name]));
    yield page.rows.map((c) => {
      const store = storeById.get(c.storeId);
      const phone = phones.get(c.id)?.[0];
      return [
        c.memberNo,
        c.displayName,
        c.reading,
        phone ? phoneText(phone.e164, store?.country ?? '', masked) : null,
        c.email ? (masked ? maskEmail(c.email) : c.email) : null,
        c.birthday,
        store?.code ?? null,
        c.ownerUserId ? (ownerName.get(c.ownerUserId) ?? null) : null,
        c.completeness,
        c.lastVisitAt ? dayIn(c.lastVisitAt, store?.timezone ?? 'UTC') : null,
        c.language ? (LANGUAGE_ENDONYMS[c.language as Locale] ?? c.language) : null,
      ];
    });
  } while (cursor);
}

/** The rows of the search export, page by page, as cells in COLUMNS order. */
export function exportPages(db: Db, p: Principal, query: ExportQuery, masked: boolean): AsyncGenerator<ExportCell[][]> {
  return customerExportPages(db, p.orgId, masked, (cursor) =>
    findCustomers(db, p, {
      q: query.q,
      storeId: query.storeId,
      ownerUserId: query.ownerUserId,
      cursor,
      limit: PAGE,
    }),
  );
}

// Spreadsheet programs run a cell starting with = + - @ as a formula: such text gets a leading '.
function csvField(v: ExportCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  let s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvLine = (cells: ExportCell[]) => `${cells.map(csvField).join(',')}\r\n`;

/** UTF-8 with a BOM (so Excel reads Chinese and Japanese right) and CRLF line ends. */
export function csvStream(headers: string[], pages: AsyncIterable<ExportCell[][]>): Readable {
  async function* lines() {
    yield `\uFEFF${csvLine(headers)}`;
    for await (const rows of pages) yield rows.map(csvLine).join('');
  }
  return Readable.from(lines());
}

const DATE_COLUMNS = new Set<number>([COLUMNS.indexOf('birthday'), COLUMNS.indexOf('lastVisit')]);

export function xlsxStream(headers: string[], pages: AsyncIterable<ExportCell[][]>, sheetName: string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = headers.map((header, i) => ({
    header,
    width: i === 1 ? 16 : 14,
    style: DATE_COLUMNS.has(i) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  void (async () => {
    try {
      for await (const rows of pages) {
        for (const cells of rows) {
          // Real date cells, so Excel sorts and filters them as dates.
          sheet
            .addRow(
              cells.map((v, i) => (DATE_COLUMNS.has(i) && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v)),
            )
            .commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}
