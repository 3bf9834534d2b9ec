import { Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sellCardBodySchema } from '../../../../contracts/salon';
import { FormModal } from '../../../components/form-modal';
import { isApiError } from '../../../lib/api-client';
import { currencyDigits } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { addDays, todayIn } from '../../purchases/lib/dates';
import { toMinor } from '../../purchases/lib/money';
import { useSellCard } from '../api/sell-card';
import type { ServiceItem } from '../api/service-items';

type Props = { customerId: string; currency: string; timeZone: string; services: ServiceItem[]; onClose: () => void };
type Kind = 'count' | 'value';

/** Sells a count card (10 facials, tied to a service) or stored value, for the price she pays. */
export function SellCardModal({ customerId, currency, timeZone, services, onClose }: Props) {
  const { t } = useTranslation();
  const sell = useSellCard(customerId);
  const today = todayIn(timeZone);
  const [kind, setKind] = useState<Kind>('count');
  const [serviceId, setServiceId] = useState<string | null>(services[0]?.id ?? null);
  const [serviceTouched, setServiceTouched] = useState(false);
  // The menu may arrive after the dialog opened (a slow phone): the first service is still the default
  // until the guide picks one herself, so a card is never sold "for any service" by accident.
  useEffect(() => {
    if (!serviceTouched && serviceId === null && services[0]) setServiceId(services[0].id);
  }, [services, serviceId, serviceTouched]);
  const [count, setCount] = useState<number | string>(10);
  const [value, setValue] = useState<number | string>('');
  const [price, setPrice] = useState<number | string>('');
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState(addDays(today, 365));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const service = services.find((s) => s.id === serviceId);
  const suggested =
    kind === 'count'
      ? t('salon.sellCard.countName', {
          service: service?.name ?? t('salon.sellCard.anyService'),
          count: Number(count) || 0,
        })
      : t('salon.sellCard.valueName');
  const digits = currencyDigits(currency);
  const money = {
    decimalScale: digits,
    min: 0,
    hideControls: true,
    inputMode: digits ? ('decimal' as const) : ('numeric' as const),
    rightSection: (
      <Text size="xs" c="dimmed">
        {currency}
      </Text>
    ),
    rightSectionWidth: 44,
  };

  function submit() {
    setFormError(null);
    const next: Record<string, string> = {};
    const pricePaid = toMinor(price, currency);
    if (pricePaid === null) next.pricePaid = 'errors:field.required';
    if (kind === 'value' && toMinor(value, currency) === null) next.value = 'errors:field.required';
    if (kind === 'count' && !(Number(count) >= 1)) next.count = 'errors:field.required';
    if (expiresOn && expiresOn < today) next.expiresOn = 'salon.errors.pastExpiry';
    if (Object.keys(next).length) return setErrors(next);
    const parsed = sellCardBodySchema.safeParse({
      kind,
      name: name.trim() || suggested,
      serviceItemId: kind === 'count' ? serviceId : null,
      count: kind === 'count' ? Math.trunc(Number(count)) : undefined,
      value: kind === 'value' ? (toMinor(value, currency) ?? undefined) : undefined,
      pricePaid,
      expiresOn: expiresOn || null,
    });
    if (!parsed.success) {
      for (const i of parsed.error.issues) next[String(i.path[0])] ??= 'errors:field.invalid';
      return setErrors(next);
    }
    sell.mutate(parsed.data, {
      onSuccess: onClose,
      onError: (err) => {
        if (isApiError(err))
          setErrors(
            Object.fromEntries(err.fields.map((f) => [f.field.replace(/^body\./, ''), 'errors:field.invalid'])),
          );
        setFormError(translateMessage(t, problemMessage(err)));
      },
    });
  }
  const e = (k: string) => (errors[k] ? t(errors[k]) : undefined);

  return (
    <FormModal
      opened
      title={t('salon.sellCard.title')}
      submitLabel={t('salon.sellCard.submit')}
      loading={sell.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Stack gap={4}>
        <Text size="sm" fw={600} id="card-kind-label">
          {t('salon.sellCard.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="card-kind-label"
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'count', label: t('salon.cardKind.count') },
            { value: 'value', label: t('salon.cardKind.value') },
          ]}
          fullWidth
        />
      </Stack>
      {kind === 'count' ? (
        <Group grow align="flex-start" gap="sm">
          <Select
            label={t('salon.sellCard.service')}
            data={services.map((s) => ({ value: s.id, label: s.name }))}
            value={serviceId}
            onChange={(v) => {
              setServiceTouched(true);
              setServiceId(v);
            }}
            placeholder={t('salon.sellCard.anyService')}
            clearable
            error={e('serviceItemId')}
          />
          <NumberInput
            label={t('salon.sellCard.count')}
            value={count}
            onChange={setCount}
            min={1}
            max={1000}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            required
            error={e('count')}
          />
        </Group>
      ) : (
        <NumberInput
          label={t('salon.sellCard.value')}
          value={value}
          onChange={(v) => {
            setValue(v);
            if (price === '') setPrice(v);
          }}
          required
          error={e('value')}
          {...money}
        />
      )}
      <TextInput
        label={t('salon.sellCard.name')}
        placeholder={suggested}
        description={t('salon.sellCard.nameHelp')}
        value={name}
        onChange={(ev) => setName(ev.currentTarget.value)}
        maxLength={100}
        error={e('name')}
      />
      <Group grow align="flex-start" gap="sm">
        <NumberInput
          label={t('salon.sellCard.price')}
          value={price}
          onChange={setPrice}
          required
          error={e('pricePaid')}
          {...money}
        />
        <TextInput
          type="date"
          label={t('salon.sellCard.expiresOn')}
          value={expiresOn}
          min={today}
          onChange={(ev) => setExpiresOn(ev.currentTarget.value)}
          error={e('expiresOn')}
        />
      </Group>
    </FormModal>
  );
}
