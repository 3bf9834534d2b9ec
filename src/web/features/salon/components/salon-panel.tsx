import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../../components/icons';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { BROWSER_ZONE, useStoreOf } from '../../purchases/lib/store';
import { useCustomerCards, type PrepaidCard } from '../api/get-cards';
import { useCustomerVisits } from '../api/get-visits';
import { useServiceItems } from '../api/service-items';
import { AdjustCardModal } from './adjust-card-modal';
import { CardItem } from './card-item';
import { SellCardModal } from './sell-card-modal';
import { VisitFormModal } from './visit-form-modal';
import { VisitList } from './visit-list';

type Dialog = { kind: 'sell' } | { kind: 'visit' } | { kind: 'adjust'; card: PrepaidCard } | null;

/** The customer page's "Salon" tab: prepaid cards with balances, then her visits and care logs. */
export function SalonPanel({ customerId, storeId }: { customerId: string; storeId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const store = useStoreOf(storeId);
  const timeZone = store?.timezone ?? BROWSER_ZONE;
  const currency = store?.currency ?? 'CNY';
  const cards = useCustomerCards(customerId);
  const visits = useCustomerVisits(customerId);
  const services = useServiceItems();
  const [dialog, setDialog] = useState<Dialog>(null);
  const active = (services.data?.items ?? []).filter((s) => s.isActive);
  const serviceName = (id: string | null) => services.data?.items.find((s) => s.id === id)?.name ?? null;
  const isManager = can(me.user.role, 'serviceMenu');
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2} size="h4">
          {t('salon.panel.cards')}
        </Title>
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<Icon name="plus" size={18} />}
            onClick={() => setDialog({ kind: 'sell' })}
            loading={services.isPending}
          >
            {t('salon.panel.sellCard')}
          </Button>
          <Button
            leftSection={<Icon name="sparkles" size={18} />}
            onClick={() => setDialog({ kind: 'visit' })}
            disabled={active.length === 0}
            loading={services.isPending}
          >
            {t('salon.panel.recordVisit')}
          </Button>
        </Group>
      </Group>
      {services.isSuccess && active.length === 0 && (
        <EmptyBlock
          icon="sparkles"
          title={t('salon.panel.noServices')}
          description={t(isManager ? 'salon.panel.noServicesManager' : 'salon.panel.noServicesStaff')}
        >
          {isManager && (
            <Button component={Link} to="/settings/services" variant="light">
              {t('salon.panel.openMenu')}
            </Button>
          )}
        </EmptyBlock>
      )}
      {cards.isPending ? (
        <PageLoader />
      ) : cards.isError ? (
        <ErrorAlert error={cards.error} onRetry={() => void cards.refetch()} />
      ) : cards.data.items.length === 0 ? (
        <EmptyBlock icon="sparkles" title={t('salon.panel.noCards')} description={t('salon.panel.noCardsHelp')} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {cards.data.items.map((c) => (
            <CardItem
              key={c.id}
              card={c}
              timeZone={timeZone}
              serviceName={serviceName(c.serviceItemId)}
              canAdjust={isManager}
              onAdjust={() => setDialog({ kind: 'adjust', card: c })}
            />
          ))}
        </Stack>
      )}
      <Title order={2} size="h4" mt="sm">
        {t('salon.panel.visits')}
      </Title>
      {visits.isPending ? (
        <PageLoader />
      ) : visits.isError ? (
        <ErrorAlert error={visits.error} onRetry={() => void visits.refetch()} />
      ) : visits.data.items.length === 0 ? (
        <EmptyBlock icon="history" title={t('salon.panel.noVisits')} description={t('salon.panel.noVisitsHelp')} />
      ) : (
        <VisitList visits={visits.data.items} timeZone={timeZone} />
      )}
      {isManager && (
        <Anchor component={Link} to="/settings/services" size="sm">
          {t('salon.panel.manageMenu')}
        </Anchor>
      )}
      {dialog?.kind === 'sell' && (
        <SellCardModal
          customerId={customerId}
          currency={currency}
          timeZone={timeZone}
          services={active}
          onClose={close}
        />
      )}
      {dialog?.kind === 'visit' && (
        <VisitFormModal
          customerId={customerId}
          storeId={storeId}
          currency={currency}
          services={active}
          cards={cards.data?.items ?? []}
          onClose={close}
        />
      )}
      {dialog?.kind === 'adjust' && <AdjustCardModal customerId={customerId} card={dialog.card} onClose={close} />}
    </Stack>
  );
}
