// Customer import (CSV/XLSX with a column-mapping step) and export of the current list.
import { z } from 'zod';
import { isoDateTime, uuidSchema } from './common';

/** What a column of the file can mean. `name` is a full name, split into family and given name. */
export const IMPORT_FIELDS = [
  'name',
  'familyName',
  'givenName',
  'reading',
  'phone',
  'email',
  'birthday',
  'lunarBirthday',
  'gender',
  'language',
  'memberNo',
  'address',
  'postalCode',
  'clothingSize',
  'shoeSize',
  'skinType',
  'notes',
  'referredBy',
  'consentCare',
  'consentMarketing',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const IGNORE = 'ignore' as const;
export const columnTargetSchema = z.enum([...IMPORT_FIELDS, IGNORE]);
export type ColumnTarget = z.infer<typeof columnTargetSchema>;

/** One target per column of the file, in column order. */
export const columnMappingSchema = z.array(columnTargetSchema).max(200);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const importFormatSchema = z.enum(IMPORT_FORMATS);

export const rejectedRowSchema = z.object({
  line: z.number().int().describe('1-based line of the file (the header is line 1); the sheet row for XLSX'),
  field: z.string().describe('Field key of the offending column, or `row`'),
  message: z.string().describe('The reason in English'),
  code: z.string().optional().describe('Stable reason code, for a translated message'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export const importSummarySchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(rejectedRowSchema),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const IMPORT_JOB_STATUSES = ['uploaded', 'queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export const importPreviewSchema = z.object({
  format: importFormatSchema,
  encoding: z.string().nullable().describe('Detected character set of a CSV file (utf-8, gb18030, big5, shift_jis…)'),
  headers: z.array(z.string()),
  mapping: columnMappingSchema.describe('Proposed target of each column'),
  rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })).describe('The first rows, as text'),
  total: z.number().int().describe('Data rows in the file'),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importJobSchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  fileName: z.string(),
  format: importFormatSchema,
  encoding: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: columnMappingSchema,
  status: z.enum(IMPORT_JOB_STATUSES),
  dryRun: z.boolean().describe('Whether the last run (or the one under way) writes nothing'),
  processed: z.number().int(),
  total: z.number().int(),
  summary: importSummarySchema.nullable(),
  error: z.string().nullable(),
  canRun: z.boolean().describe('The file is still held, so a (real) run can start'),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const uploadQuerySchema = z.object({
  storeId: uuidSchema,
  fileName: z.string().trim().min(1).max(200),
});

export const uploadResultSchema = z.object({ job: importJobSchema, preview: importPreviewSchema });
export type UploadResult = z.infer<typeof uploadResultSchema>;

export const runImportBodySchema = z.object({
  mapping: columnMappingSchema,
  dryRun: z.boolean().default(false),
});

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  q: z.string().trim().max(100).optional(),
  storeId: uuidSchema.optional(),
  ownerUserId: uuidSchema.optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
