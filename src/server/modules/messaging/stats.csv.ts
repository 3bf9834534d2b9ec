// The staff statistics as CSV for the store manager's spreadsheet: one row per employee, the channels
// as columns, a total at the end; headers in the caller's language.
import type { Readable } from 'node:stream';
import type { Locale } from '../../../contracts/common';
import type { StaffStats } from '../../../contracts/messaging';
import { CONTACT_CHANNELS } from '../../../domain/contacts';
import { appText } from '../../../i18n/server';
import { csvStream, type ExportCell } from '../imports/export.service';

export function statsCsv(stats: StaffStats, locale: Locale): Readable {
  const t = (k: string) => appText(locale, `messaging.${k}`);
  const headers = [
    t('stats.csv.from'),
    t('stats.csv.to'),
    t('stats.staff'),
    t('stats.contacts'),
    t('stats.reached'),
    t('stats.customers'),
    ...CONTACT_CHANNELS.map((c) => t(`channel.${c}`)),
  ];
  const line = (name: string, r: StaffStats['totals']): ExportCell[] => [
    stats.from,
    stats.to,
    name,
    r.contacts,
    r.reached,
    r.customers,
    ...CONTACT_CHANNELS.map((c) => r.byChannel[c]),
  ];
  const body = [
    ...stats.rows.map((r) => line(r.userId ? (r.name ?? '') : t('stats.automatic'), r)),
    line(t('stats.total'), stats.totals),
  ];
  return csvStream(
    headers,
    (async function* () {
      yield body;
    })(),
  );
}
