import { Checkbox, Group, NumberInput, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal';
import { isApiError } from '../../../lib/api-client';
import { currencyDigits, formatMoney } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useSession } from '../../auth/api/get-me';
import { toMajor, toMinor } from '../../purchases/lib/money';
import type { PrepaidCard } from '../api/get-cards';
import { useStoreStaff } from '../api/get-store-staff';
import { useRecordVisit } from '../api/record-visit';
import type { ServiceItem } from '../api/service-items';

type Props = {
  customerId: string;
  storeId: string;
  currency: string;
  services: ServiceItem[];
  cards: PrepaidCard[];
  onClose: () => void;
};
type Draw = { on: boolean; count: number | string; amount: number | string };

/** A salon visit and its care log (seed 004), optionally paid from her prepaid cards. */
export function VisitFormModal({ customerId, storeId, currency, services, cards, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const staff = useStoreStaff(storeId);
  const record = useRecordVisit(customerId);
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [beauticianId, setBeauticianId] = useState<string>(me.user.id);
  const [log, setLog] = useState({ skinCondition: '', productsUsed: '', feedback: '', notes: '' });
  const [draws, setDraws] = useState<Record<string, Draw>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const usable = cards.filter((c) => !c.isExpired && (c.kind === 'count' ? c.balance.count > 0 : c.balance.value > 0));
  const chosenPrice = services.filter((s) => serviceIds.includes(s.id)).reduce((sum, s) => sum + s.price, 0);
  const digits = currencyDigits(currency);

  // A count card for a chosen service is ticked by default; a tap on it is remembered.
  const drawOf = (c: PrepaidCard): Draw =>
    draws[c.id] ?? {
      on: c.kind === 'count' && !!c.serviceItemId && serviceIds.includes(c.serviceItemId),
      count: 1,
      amount: toMajor(Math.min(chosenPrice, c.balance.value), currency),
    };
  const setDraw = (c: PrepaidCard, p: Partial<Draw>) => {
    setDraws((d) => ({ ...d, [c.id]: { ...drawOf(c), ...p } }));
    setErrors({});
  };
  // Any colleague of her store may have served; she is always on the list, first while it loads.
  const beauticians = (staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (!beauticians.some((b) => b.value === me.user.id))
    beauticians.unshift({ value: me.user.id, label: me.user.displayName });

  function submit() {
    setFormError(null);
    if (serviceIds.length === 0) return setErrors({ serviceItemIds: 'salon.errors.chooseService' });
    const redeem: Array<{ cardId: string; count?: number; amount?: number }> = usable
      .filter((c) => drawOf(c).on)
      .map((c) => {
        const d = drawOf(c);
        return c.kind === 'count'
          ? { cardId: c.id, count: Math.max(1, Math.trunc(Number(d.count) || 1)) }
          : { cardId: c.id, amount: toMinor(d.amount, currency) ?? 0 };
      });
    const text = (s: string) => s.trim() || null;
    record.mutate(
      {
        serviceItemIds: serviceIds,
        beauticianId,
        skinCondition: text(log.skinCondition),
        productsUsed: text(log.productsUsed),
        feedback: text(log.feedback),
        notes: text(log.notes),
        redeem,
      },
      {
        onSuccess: onClose,
        onError: (err) => {
          const next: Record<string, string> = {};
          if (isApiError(err))
            for (const f of err.fields) {
              const m = /^body\.redeem\.(\d+)/.exec(f.field);
              const cardId = m ? redeem[Number(m[1])]?.cardId : undefined;
              const key = cardId ? `card.${cardId}` : f.field.replace(/^body\./, '').split('.')[0]!;
              next[key] = ['insufficient_balance', 'expired', 'not_positive'].includes(f.code)
                ? `salon.errors.${f.code}`
                : 'errors:field.invalid';
            }
          setErrors(next);
          setFormError(translateMessage(t, problemMessage(err)));
        },
      },
    );
  }
  const e = (k: string) => (errors[k] ? t(errors[k]) : undefined);
  const area = (key: keyof typeof log, max: number) => (
    <Textarea
      label={t(`salon.visit.${key}`)}
      placeholder={t(`salon.visit.${key}Placeholder`)}
      value={log[key]}
      onChange={(ev) => {
        const v = ev.currentTarget.value;
        setLog((l) => ({ ...l, [key]: v }));
      }}
      autosize
      minRows={1}
      maxLength={max}
    />
  );

  return (
    <FormModal
      opened
      title={t('salon.visit.title')}
      submitLabel={t('salon.visit.submit')}
      loading={record.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Checkbox.Group
        label={t('salon.visit.services')}
        value={serviceIds}
        onChange={(v) => {
          setServiceIds(v);
          setErrors({});
        }}
        error={e('serviceItemIds')}
        withAsterisk
      >
        <Stack gap={6} mt={6}>
          {services.map((s) => (
            <Checkbox
              key={s.id}
              value={s.id}
              label={`${s.name} · ${t('salon.minutes', { count: s.durationMinutes })} · ${formatMoney(s.price, s.currency, i18n.language)}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Select
        label={t('salon.visit.beautician')}
        data={beauticians}
        value={beauticianId}
        onChange={(v) => v && setBeauticianId(v)}
        allowDeselect={false}
        searchable={beauticians.length > 8}
        nothingFoundMessage={t('common.nothingFound')}
        error={e('beauticianId')}
      />
      {area('skinCondition', 1000)}
      {area('productsUsed', 1000)}
      {area('feedback', 2000)}
      {area('notes', 2000)}
      {usable.length > 0 && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('salon.visit.redeem')}
          </Text>
          {usable.map((c) => {
            const d = drawOf(c);
            return (
              <Paper key={c.id} withBorder p="xs" radius="md">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Checkbox
                    checked={d.on}
                    onChange={(ev) => setDraw(c, { on: ev.currentTarget.checked })}
                    label={t('salon.visit.useCard', {
                      name: c.name,
                      left:
                        c.kind === 'count'
                          ? t('salon.card.countLeft', { count: c.balance.count })
                          : formatMoney(c.balance.value, c.currency, i18n.language),
                    })}
                    error={e(`card.${c.id}`)}
                  />
                  {d.on &&
                    (c.kind === 'count' ? (
                      <NumberInput
                        aria-label={t('salon.visit.redeemCount', { name: c.name })}
                        value={d.count}
                        onChange={(v) => setDraw(c, { count: v })}
                        min={1}
                        max={c.balance.count}
                        allowDecimal={false}
                        allowNegative={false}
                        w={90}
                      />
                    ) : (
                      <NumberInput
                        aria-label={t('salon.visit.redeemAmount', { name: c.name })}
                        value={d.amount}
                        onChange={(v) => setDraw(c, { amount: v })}
                        min={0}
                        decimalScale={digits}
                        hideControls
                        w={140}
                        rightSection={
                          <Text size="xs" c="dimmed">
                            {currency}
                          </Text>
                        }
                      />
                    ))}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </FormModal>
  );
}
