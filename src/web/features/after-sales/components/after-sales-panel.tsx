import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../../components/icons';
import { MetaLine } from '../../../components/meta-line';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatDay } from '../../purchases/lib/dates';
import { BROWSER_ZONE, useStoreOf } from '../../purchases/lib/store';
import { useEntitlements } from '../api/entitlements';
import { useCustomerRepairs } from '../api/get-customer-repairs';
import { EntitlementList } from './entitlement-list';
import { RepairIntakeModal } from './repair-intake-modal';

const CLOSED = ['collected', 'exchanged', 'refunded'];

/** The customer page's "After-sales" tab: her repair tickets and the free services she has earned. */
export function AfterSalesPanel({ customerId, storeId }: { customerId: string; storeId: string }) {
  const { t, i18n } = useTranslation();
  const store = useStoreOf(storeId);
  const timeZone = store?.timezone ?? BROWSER_ZONE;
  const repairs = useCustomerRepairs(customerId);
  const entitlements = useEntitlements(customerId);
  const [intake, setIntake] = useState(false);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2} size="h4">
          {t('afterSales.panel.repairs')}
        </Title>
        <Button leftSection={<Icon name="tool" size={18} />} onClick={() => setIntake(true)}>
          {t('afterSales.panel.newRepair')}
        </Button>
      </Group>
      {repairs.isPending ? (
        <PageLoader />
      ) : repairs.isError ? (
        <ErrorAlert error={repairs.error} onRetry={() => void repairs.refetch()} />
      ) : repairs.data.items.length === 0 ? (
        <EmptyBlock
          icon="tool"
          title={t('afterSales.panel.noRepairs')}
          description={t('afterSales.panel.noRepairsHelp')}
        />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {repairs.data.items.map((r) => (
            <li key={r.id}>
              <Paper
                withBorder
                radius="md"
                p="sm"
                component={Link}
                to={`/repairs/${r.id}`}
                display="block"
                style={{ color: 'inherit', textDecoration: 'none' }}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{r.ticketNo}</Text>
                      <Badge
                        variant={CLOSED.includes(r.status) ? 'filled' : 'light'}
                        color={CLOSED.includes(r.status) ? 'gray.7' : undefined}
                      >
                        {t(`afterSales.status.${r.status}`)}
                      </Badge>
                    </Group>
                    <Text size="sm" truncate="end">
                      {r.itemDescription}
                    </Text>
                    <MetaLine
                      parts={[
                        t('afterSales.panel.reported', { date: formatDay(r.reportedOn, i18n.language) }),
                        r.fault,
                      ]}
                    />
                  </Stack>
                  <span style={{ transform: 'rotate(-90deg)', display: 'flex', flex: 'none' }}>
                    <Icon name="chevronDown" size={18} />
                  </span>
                </Group>
              </Paper>
            </li>
          ))}
        </Stack>
      )}
      <Title order={2} size="h4" mt="sm">
        {t('afterSales.panel.entitlements')}
      </Title>
      {entitlements.isPending ? (
        <PageLoader />
      ) : entitlements.isError ? (
        <ErrorAlert error={entitlements.error} onRetry={() => void entitlements.refetch()} />
      ) : entitlements.data.items.length === 0 ? (
        <EmptyBlock
          icon="sparkles"
          title={t('afterSales.panel.noEntitlements')}
          description={t('afterSales.panel.noEntitlementsHelp')}
        />
      ) : (
        <EntitlementList customerId={customerId} items={entitlements.data.items} timeZone={timeZone} />
      )}
      {intake && <RepairIntakeModal customerId={customerId} storeId={storeId} onClose={() => setIntake(false)} />}
    </Stack>
  );
}
