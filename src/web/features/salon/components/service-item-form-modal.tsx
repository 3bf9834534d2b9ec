import { NumberInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createServiceItemBodySchema } from '../../../../contracts/salon';
import { FormModal } from '../../../components/form-modal';
import { isApiError } from '../../../lib/api-client';
import { currencyDigits } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { toMajor, toMinor } from '../../purchases/lib/money';
import { useCreateServiceItem, useUpdateServiceItem, type ServiceItem } from '../api/service-items';

/** Adds a service to the menu (`item` null) or edits one: name, how long it takes, its price. */
export function ServiceItemFormModal({
  item,
  currency,
  onClose,
}: {
  item: ServiceItem | null;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cur = item?.currency ?? currency;
  const create = useCreateServiceItem();
  const update = useUpdateServiceItem();
  const [name, setName] = useState(item?.name ?? '');
  const [duration, setDuration] = useState<number | string>(item?.durationMinutes ?? 60);
  const [price, setPrice] = useState<number | string>(item ? toMajor(item.price, cur) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const digits = currencyDigits(cur);

  function submit() {
    setFormError(null);
    const body = {
      name: name.trim(),
      durationMinutes: Math.trunc(Number(duration) || 0),
      price: toMinor(price, cur),
      currency: cur,
    };
    const parsed = createServiceItemBodySchema.safeParse(body);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const i of parsed.error.issues) {
        const k = String(i.path[0]);
        next[k] ??= k === 'durationMinutes' ? 'salon.errors.duration' : 'errors:field.required';
      }
      return setErrors(next);
    }
    const done = {
      onSuccess: onClose,
      onError: (err: unknown) => {
        if (isApiError(err))
          setErrors(
            Object.fromEntries(err.fields.map((f) => [f.field.replace(/^body\./, ''), 'errors:field.invalid'])),
          );
        setFormError(translateMessage(t, problemMessage(err)));
      },
    };
    if (item) update.mutate({ id: item.id, body: parsed.data }, done);
    else create.mutate(parsed.data, done);
  }
  const e = (k: string) => (errors[k] ? t(errors[k]) : undefined);

  return (
    <FormModal
      opened
      title={item ? t('salon.menu.editTitle', { name: item.name }) : t('salon.menu.addTitle')}
      submitLabel={item ? t('common.save') : t('salon.menu.add')}
      loading={create.isPending || update.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput
        label={t('salon.menu.name')}
        placeholder={t('salon.menu.namePlaceholder')}
        value={name}
        onChange={(ev) => setName(ev.currentTarget.value)}
        maxLength={100}
        required
        error={e('name')}
        data-autofocus
      />
      <NumberInput
        label={t('salon.menu.duration')}
        value={duration}
        onChange={setDuration}
        min={5}
        max={600}
        step={15}
        allowDecimal={false}
        allowNegative={false}
        inputMode="numeric"
        required
        error={e('durationMinutes')}
      />
      <NumberInput
        label={t('salon.menu.price')}
        value={price}
        onChange={setPrice}
        min={0}
        decimalScale={digits}
        hideControls
        inputMode={digits ? 'decimal' : 'numeric'}
        rightSection={
          <Text size="xs" c="dimmed">
            {cur}
          </Text>
        }
        rightSectionWidth={44}
        required
        error={e('price')}
      />
    </FormModal>
  );
}
