// Shared building blocks of the API contracts.
import { z } from 'zod';

export const LOCALES = ['zh-CN', 'zh-TW', 'ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

export const ROLES = ['owner', 'hq', 'regional_manager', 'store_manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const uuidSchema = z.uuid();
export const idParamsSchema = z.object({ id: uuidSchema });

export const isoDateTime = z.string().describe('ISO 8601 timestamp');

export const paginationQuerySchema = z.object({
  cursor: z.string().max(500).optional().describe('Opaque cursor from `nextCursor` of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page'),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });

// ISO 3166-1 alpha-2, ISO 4217 and IANA zone, checked by shape here and by meaning in the service.
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as CN, TW, HK or JP');
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as CNY, TWD, HKD or JPY');
export const timezoneSchema = z.string().refine(isValidTimeZone, 'Unknown time zone; use a name such as Asia/Shanghai');

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}
