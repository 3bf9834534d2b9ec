// The customers with the highest expected value over the next year, each a link to her page.
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../../../contracts/analytics';
import { ChartCard } from './chart-card';
import { pct, useFigureFormat, useTierName } from './figure-format';

export function TopCustomersCard({ d }: { d: Dashboard }) {
  const { t, lng, money, H } = useFigureFormat(d.scope.currency);
  const tierName = useTierName();
  return (
    <ChartCard
      title={t('dashboard.top.title')}
      filename="top-customers"
      numbers={{
        headers: [H('customer'), H('tier'), H('expectedValue'), H('pAlive'), H('revenue')],
        rows: d.topCustomers.map((c) => [
          c.displayName,
          c.tier ? tierName(c.tier) : '',
          money(c.expectedValue365),
          pct(c.pAlive, lng),
          money(c.monetaryWindow),
        ]),
      }}
    >
      {d.topCustomers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.top.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {d.topCustomers.map((c, i) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/customers/${c.id}`} size="sm" truncate>
                {i + 1}. {c.displayName}
                {c.tier ? ` · ${tierName(c.tier)}` : ''}
              </Anchor>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {money(c.expectedValue365)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </ChartCard>
  );
}
