// Who comes back: each first-purchase month's new buyers and the share who bought again k months later.
import { Table, Text } from '@mantine/core';
import type { Dashboard } from '../../../../contracts/analytics';
import { ChartCard } from './chart-card';
import { pct, useFigureFormat } from './figure-format';

export function CohortsCard({ d }: { d: Dashboard }) {
  const { t, lng, n, H } = useFigureFormat(d.scope.currency);
  const maxRetained = Math.max(0, ...d.cohorts.map((c) => c.retained.length));
  const cohortMonths = Array.from({ length: Math.min(maxRetained, 11) }, (_, i) => i + 1);
  return (
    <ChartCard
      title={t('dashboard.cohorts.title')}
      description={t('dashboard.cohorts.description')}
      filename="cohorts"
      numbers={{
        headers: [
          H('cohort'),
          H('customers'),
          ...cohortMonths.map((k) => t('dashboard.cohorts.month', { k })),
          H('drifting'),
          H('lost'),
        ],
        rows: d.cohorts.map((c) => [
          c.cohort,
          c.customers,
          ...cohortMonths.map((k) => (k <= c.retained.length ? pct(c.retained[k - 1], lng) : '')),
          pct(c.driftingShare, lng),
          pct(c.lostShare, lng),
        ]),
      }}
    >
      {d.cohorts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.noData')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{H('cohort')}</Table.Th>
                <Table.Th>{H('customers')}</Table.Th>
                {cohortMonths.map((k) => (
                  <Table.Th key={k}>{t('dashboard.cohorts.month', { k })}</Table.Th>
                ))}
                <Table.Th>{H('lost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.cohorts.map((c) => (
                <Table.Tr key={c.cohort}>
                  <Table.Td>{c.cohort}</Table.Td>
                  <Table.Td>{n(c.customers)}</Table.Td>
                  {cohortMonths.map((k) => {
                    const v = c.retained[k - 1];
                    return (
                      <Table.Td
                        key={k}
                        style={{
                          background: v === undefined ? undefined : `rgba(18, 184, 134, ${0.08 + v * 0.8})`,
                        }}
                      >
                        {v === undefined ? '' : pct(v, lng)}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>{pct(c.lostShare, lng)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ChartCard>
  );
}
