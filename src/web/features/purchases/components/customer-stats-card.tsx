import { SimpleGrid, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, intlLocale } from '../../../lib/format';
import { useCustomerStats } from '../api/get-customer-stats';
import { ErrorAlert } from '../../../components/query-state';
import { StatFigure as Stat } from '../../../components/stat-figure';

/** Lifetime spend, visits, last visit and how often she comes (seed 004's visit frequency). */
export function CustomerStatsCard({ customerId, timeZone }: { customerId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const stats = useCustomerStats(customerId);
  if (stats.isPending) return <Skeleton height={76} radius="md" />;
  if (stats.isError) return <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const rate = (n: number) => new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 1 }).format(n);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="customer-stats">
      <Stat
        label={t('purchases.stats.lifetimeSpend')}
        value={formatMoney(s.lifetimeSpend, s.currency, i18n.language)}
        hint={t('purchases.stats.receipts', { count: s.receiptCount })}
      />
      <Stat label={t('purchases.stats.visits')} value={s.visitCount} />
      <Stat
        label={t('purchases.stats.lastVisit')}
        value={s.lastVisitAt ? formatDate(s.lastVisitAt, i18n.language, timeZone) : t('purchases.stats.never')}
      />
      <Stat
        label={t('purchases.stats.frequency')}
        value={t('purchases.stats.perMonth', { n: rate(s.visitsPerMonth6) })}
        hint={t('purchases.stats.perMonth12', { n: rate(s.visitsPerMonth12) })}
      />
    </SimpleGrid>
  );
}
