import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RepairTicket } from '../../../../contracts/after-sales';
import { Icon } from '../../../components/icons';
import { formatDateTime } from '../../../lib/format';

const REPAIR_PATH = ['received', 'assessed', 'repairing', 'ready', 'collected'];

/** received → assessed → repairing → ready → collected (or exchanged / refunded), each step dated and signed. */
export function RepairSteps({ ticket, timeZone }: { ticket: RepairTicket; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const done = new Map(ticket.events.map((e) => [e.status, e]));
  const ending = ticket.events.find((e) => e.status === 'exchanged' || e.status === 'refunded')?.status;
  const steps = ending
    ? ['received', 'assessed', ending]
    : ticket.isRepairable === false
      ? ['received', 'assessed', 'exchanged']
      : REPAIR_PATH;
  const active = steps.reduce((last, s, i) => (done.has(s) ? i : last), -1);
  return (
    <Timeline active={active} bulletSize={22} lineWidth={2} aria-label={t('afterSales.ticket.steps')}>
      {steps.map((s) => {
        const e = done.get(s);
        return (
          <Timeline.Item
            key={s}
            title={t(`afterSales.status.${s}`)}
            bullet={e ? <Icon name="check" size={14} /> : undefined}
          >
            {e ? (
              <>
                <Text size="sm" c="dimmed">
                  {formatDateTime(e.at, i18n.language, timeZone)}
                  {e.byName ? ` · ${e.byName}` : ''}
                </Text>
                {e.note && <Text size="sm">{e.note}</Text>}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('afterSales.ticket.notYet')}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
