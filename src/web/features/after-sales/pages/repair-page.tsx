import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { BROWSER_ZONE, useStoreOf } from '../../purchases/lib/store';
import { useRepair } from '../api/get-repair';
import { RepairActions } from '../components/repair-actions';
import { RepairFacts } from '../components/repair-facts';
import { RepairPhotos } from '../components/repair-photos';
import { RepairRule } from '../components/repair-rule';
import { RepairSteps } from '../components/repair-steps';

/** /repairs/:id — a repair ticket: the item, the rule that applies, every step, the next one. */
export function RepairPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const ticket = useRepair(id);
  const store = useStoreOf(ticket.data?.storeId);
  const timeZone = store?.timezone ?? BROWSER_ZONE;
  if (ticket.isPending) return <PageLoader />;
  if (ticket.isError) return <ErrorAlert error={ticket.error} onRetry={() => void ticket.refetch()} />;
  const r = ticket.data;
  const isClosed = ['collected', 'exchanged', 'refunded'].includes(r.status);
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm" mb="xs">
        <Group gap={4} component="span" wrap="nowrap">
          <Icon name="arrowLeft" size={16} />
          {t('afterSales.ticket.back', { name: r.customerName })}
        </Group>
      </Anchor>
      <PageHeader
        title={t('afterSales.ticket.title', { no: r.ticketNo })}
        description={t('afterSales.ticket.description', { name: r.customerName, store: store?.name ?? '' })}
        actions={
          <>
            <Badge size="lg" variant={isClosed ? 'filled' : 'light'} color={isClosed ? 'gray.7' : undefined}>
              {t(`afterSales.status.${r.status}`)}
            </Badge>
            <Button
              component={Link}
              to={`/repairs/${r.id}/receipt`}
              variant="default"
              leftSection={<Icon name="printer" size={18} />}
            >
              {t('afterSales.ticket.printReceipt')}
            </Button>
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="repair-item-title">
              <Title order={2} size="h5" mb="sm" id="repair-item-title">
                {t('afterSales.ticket.itemTitle')}
              </Title>
              <RepairFacts ticket={r} />
            </Paper>
            <RepairRule ticket={r} />
            <RepairPhotos ticket={r} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="repair-steps-title">
              <Title order={2} size="h5" mb="sm" id="repair-steps-title">
                {t('afterSales.ticket.steps')}
              </Title>
              <RepairSteps ticket={r} timeZone={timeZone} />
            </Paper>
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="repair-next-title">
              <Title order={2} size="h5" mb="sm" id="repair-next-title">
                {t('afterSales.actions.title')}
              </Title>
              <RepairActions ticket={r} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
