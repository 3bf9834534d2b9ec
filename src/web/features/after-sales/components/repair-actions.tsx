import { Alert, Button, Chip, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAULT_CAUSES, type RepairTicket } from '../../../../contracts/after-sales';
import { Icon } from '../../../components/icons';
import { currencyDigits } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { toMinor } from '../../purchases/lib/money';
import { useUpdateRepair } from '../api/update-repair';

type Cause = (typeof FAULT_CAUSES)[number];
type Status = RepairTicket['status'];

/** The next step for the ticket: the assessment first, then repair → ready → collected, or exchange / refund. */
export function RepairActions({ ticket }: { ticket: RepairTicket }) {
  const { t } = useTranslation();
  const update = useUpdateRepair(ticket.id);
  const [repairable, setRepairable] = useState<'yes' | 'no'>('yes');
  const [cause, setCause] = useState<Cause>(ticket.cause);
  const [charge, setCharge] = useState<number | string>('');
  const [note, setNote] = useState('');
  const digits = currencyDigits(ticket.currency);
  const w = ticket.whatIfNotRepairable;
  // A repair she pays for: wear or an accident, or an item out of (or without) warranty.
  const isPaidRepair =
    cause === 'wear' || cause === 'accident' || (w !== null && (!w.isWithinWarranty || w.rule === 'no_warranty'));
  const error = update.error ? translateMessage(t, problemMessage(update.error)) : null;

  function go(status: Status, extra: { isRepairable?: boolean; cause?: Cause; charge?: number } = {}) {
    update.mutate({ status, note: note.trim() || undefined, ...extra }, { onSuccess: () => setNote('') });
  }

  if (['collected', 'exchanged', 'refunded'].includes(ticket.status)) {
    return (
      <Text size="sm" c="dimmed">
        {t('afterSales.actions.closed')}
      </Text>
    );
  }

  const noteInput = (
    <TextInput
      label={t('afterSales.actions.note')}
      value={note}
      onChange={(e) => setNote(e.currentTarget.value)}
      maxLength={1000}
    />
  );

  return (
    <Stack gap="sm">
      {error && (
        <Alert color="red" variant="light" role="alert" icon={<Icon name="alert" />}>
          {error}
        </Alert>
      )}
      {ticket.status === 'received' && (
        <>
          <Stack gap={4}>
            <Text size="sm" fw={600} id="repairable-label">
              {t('afterSales.actions.repairable')}
            </Text>
            <SegmentedControl
              aria-labelledby="repairable-label"
              value={repairable}
              onChange={(v) => setRepairable(v as 'yes' | 'no')}
              data={[
                { value: 'yes', label: t('afterSales.actions.repairableYes') },
                { value: 'no', label: t('afterSales.actions.repairableNo') },
              ]}
              fullWidth
            />
          </Stack>
          <div role="radiogroup" aria-labelledby="assess-cause-label">
            <Text size="sm" fw={600} mb={6} id="assess-cause-label">
              {t('afterSales.intake.cause')}
            </Text>
            <Chip.Group value={cause} onChange={(v) => setCause(v as Cause)}>
              <Group gap={6}>
                {FAULT_CAUSES.map((c) => (
                  <Chip key={c} value={c} variant="outline" size="sm">
                    {t(`afterSales.cause.${c}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>
          {repairable === 'yes' && isPaidRepair && (
            <NumberInput
              label={t('afterSales.actions.charge')}
              description={t('afterSales.actions.chargeHelp')}
              value={charge}
              onChange={setCharge}
              min={0}
              decimalScale={digits}
              hideControls
              rightSection={
                <Text size="xs" c="dimmed">
                  {ticket.currency}
                </Text>
              }
              rightSectionWidth={44}
            />
          )}
          {noteInput}
          <Button
            loading={update.isPending}
            onClick={() =>
              go('assessed', {
                isRepairable: repairable === 'yes',
                cause,
                charge: repairable === 'yes' && isPaidRepair ? (toMinor(charge, ticket.currency) ?? 0) : undefined,
              })
            }
          >
            {t('afterSales.actions.assess')}
          </Button>
        </>
      )}
      {ticket.status === 'assessed' && (
        <>
          {noteInput}
          <Group gap="xs">
            {ticket.isRepairable ? (
              <Button loading={update.isPending} onClick={() => go('repairing')}>
                {t('afterSales.actions.startRepair')}
              </Button>
            ) : (
              <Button loading={update.isPending} onClick={() => go('exchanged')}>
                {t('afterSales.actions.exchange')}
              </Button>
            )}
            <Button variant="default" loading={update.isPending} onClick={() => go('refunded')}>
              {t('afterSales.actions.refund')}
            </Button>
          </Group>
        </>
      )}
      {ticket.status === 'repairing' && (
        <>
          {noteInput}
          <Button loading={update.isPending} onClick={() => go('ready')}>
            {t('afterSales.actions.ready')}
          </Button>
        </>
      )}
      {ticket.status === 'ready' && (
        <>
          {noteInput}
          <Button loading={update.isPending} onClick={() => go('collected')}>
            {t('afterSales.actions.collected')}
          </Button>
        </>
      )}
    </Stack>
  );
}
