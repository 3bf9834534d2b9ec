// Environment parsed once. Every variable is documented in the README's configuration table.
import { resolve } from 'node:path';
import { z } from 'zod';
import { countrySchema, currencySchema, localeSchema, timezoneSchema } from '../contracts/common';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  KEQING_DATA_DIR: z.string().default('./data'),
  KEQING_ORG_NAME: z.string().min(1).default('Keqing'),
  KEQING_STORE_NAME: z.string().min(1).optional(),
  KEQING_STORE_COUNTRY: countrySchema.default('CN'),
  KEQING_STORE_CURRENCY: currencySchema.default('CNY'),
  KEQING_STORE_TIMEZONE: timezoneSchema.default('Asia/Shanghai'),
  KEQING_STORE_LOCALE: localeSchema.default('zh-CN'),
  KEQING_ADMIN_EMAIL: z.email().optional(),
  KEQING_ADMIN_PASSWORD: z.string().min(10, 'KEQING_ADMIN_PASSWORD needs at least 10 characters').optional(),
  KEQING_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  KEQING_COOKIE_SECURE: bool.optional(),
  KEQING_TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Messaging: e-mail through SMTP, SMS through a JSON HTTP gateway, links back to this server.
  KEQING_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'KEQING_SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465')
    .optional(),
  KEQING_MAIL_FROM: z.string().min(3).optional(),
  KEQING_PUBLIC_URL: z
    .url('KEQING_PUBLIC_URL must be the address customers reach, e.g. https://crm.example.com')
    .optional(),
  KEQING_SMS_URL: z
    .url('KEQING_SMS_URL must be the gateway address, e.g. https://sms.example.com/v1/messages')
    .optional(),
  KEQING_SMS_TOKEN: z.string().min(1).optional(),
  KEQING_OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  orgName: string;
  firstStore: { name: string | undefined; country: string; currency: string; timezone: string; locale: string };
  admin: { email: string | undefined; password: string | undefined };
  sessionHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  version: string;
  messaging: MessagingConfig;
};

export type MessagingConfig = {
  /** smtp://user:pass@host:587 — unset: e-mails wait in the outbox. */
  smtpUrl: string | undefined;
  /** The From address; a bare address gets the store's name as display name. */
  mailFrom: string | undefined;
  /** Where customers reach this server (unsubscribe links). */
  publicUrl: string | undefined;
  smsUrl: string | undefined;
  smsToken: string | undefined;
  outboxIntervalSeconds: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.KEQING_DATA_DIR),
    orgName: e.KEQING_ORG_NAME,
    firstStore: {
      name: e.KEQING_STORE_NAME,
      country: e.KEQING_STORE_COUNTRY,
      currency: e.KEQING_STORE_CURRENCY,
      timezone: e.KEQING_STORE_TIMEZONE,
      locale: e.KEQING_STORE_LOCALE,
    },
    admin: { email: e.KEQING_ADMIN_EMAIL, password: e.KEQING_ADMIN_PASSWORD },
    sessionHours: e.KEQING_SESSION_HOURS,
    // Secure cookies need HTTPS; default to them only when a proxy terminates TLS for us.
    cookieSecure: e.KEQING_COOKIE_SECURE ?? e.KEQING_TRUST_PROXY,
    trustProxy: e.KEQING_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    version: process.env.npm_package_version ?? '0.1.0',
    messaging: {
      smtpUrl: e.KEQING_SMTP_URL,
      mailFrom: e.KEQING_MAIL_FROM,
      publicUrl: e.KEQING_PUBLIC_URL?.replace(/\/+$/, ''),
      smsUrl: e.KEQING_SMS_URL,
      smsToken: e.KEQING_SMS_TOKEN,
      outboxIntervalSeconds: e.KEQING_OUTBOX_INTERVAL_SECONDS,
    },
  };
}
