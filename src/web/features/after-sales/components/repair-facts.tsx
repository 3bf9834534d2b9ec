import { Badge, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairTicket } from '../../../../contracts/after-sales';
import { daysBetween, formatDay } from '../../purchases/lib/dates';

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

/** The item and the dates the rules are computed from: purchase, days since, warranty end. */
export function RepairFacts({ ticket }: { ticket: RepairTicket }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  const a = ticket.assessment ?? ticket.whatIfNotRepairable;
  const days = ticket.purchasedOn ? daysBetween(ticket.purchasedOn, ticket.reportedOn) : null;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="sm">
      <Fact label={t('afterSales.ticket.item')} wide>
        {ticket.itemDescription}
      </Fact>
      <Fact label={t('afterSales.ticket.purchasedOn')}>
        {ticket.purchasedOn ? day(ticket.purchasedOn) : t('afterSales.ticket.unknown')}
      </Fact>
      <Fact label={t('afterSales.ticket.reportedOn')}>{day(ticket.reportedOn)}</Fact>
      <Fact label={t('afterSales.ticket.daysSince')}>
        {days === null ? '—' : t('afterSales.ticket.days', { count: days })}
      </Fact>
      <Fact label={t('afterSales.ticket.warrantyEnds')}>
        {a?.warrantyEndsOn ? (
          <>
            {day(a.warrantyEndsOn)}{' '}
            <Badge size="sm" variant="filled" color={a.isWithinWarranty ? 'teal.9' : 'gray.7'}>
              {a.isWithinWarranty ? t('afterSales.ticket.inWarranty') : t('afterSales.ticket.outOfWarranty')}
            </Badge>
          </>
        ) : (
          t('afterSales.ticket.noWarranty')
        )}
      </Fact>
      <Fact label={t('afterSales.ticket.cause')}>{t(`afterSales.cause.${ticket.cause}`)}</Fact>
      <Fact label={t('afterSales.ticket.photos')}>{ticket.photoCount}</Fact>
      <Fact label={t('afterSales.ticket.fault')} wide>
        {ticket.fault}
      </Fact>
    </SimpleGrid>
  );
}
