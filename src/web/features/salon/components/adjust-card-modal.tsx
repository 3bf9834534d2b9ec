import { NumberInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal';
import { currencyDigits, formatMoney } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { toMinor } from '../../purchases/lib/money';
import { useAdjustCard } from '../api/adjust-card';
import type { PrepaidCard } from '../api/get-cards';

/** Managers correct a card (a visit forgotten, a goodwill gesture), always saying why. */
export function AdjustCardModal({
  customerId,
  card,
  onClose,
}: {
  customerId: string;
  card: PrepaidCard;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const adjust = useAdjustCard(customerId);
  const [delta, setDelta] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const isCount = card.kind === 'count';
  const digits = currencyDigits(card.currency);

  function submit() {
    setFormError(null);
    const next: Record<string, string> = {};
    const n = isCount ? Math.trunc(Number(delta)) : toMinor(delta, card.currency);
    if (!n) next.delta = 'errors:field.required';
    if (!note.trim()) next.note = 'salon.errors.sayWhy';
    if (Object.keys(next).length) return setErrors(next);
    adjust.mutate(
      { cardId: card.id, body: { countDelta: isCount ? n! : 0, valueDelta: isCount ? 0 : n!, note: note.trim() } },
      { onSuccess: onClose, onError: (err) => setFormError(translateMessage(t, problemMessage(err))) },
    );
  }
  const e = (k: string) => (errors[k] ? t(errors[k]) : undefined);
  return (
    <FormModal
      opened
      title={t('salon.adjust.title', { name: card.name })}
      submitLabel={t('salon.adjust.submit')}
      loading={adjust.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        {t('salon.adjust.now', {
          balance: isCount
            ? t('salon.card.countLeft', { count: card.balance.count })
            : formatMoney(card.balance.value, card.currency, i18n.language),
        })}
      </Text>
      <NumberInput
        label={isCount ? t('salon.adjust.countDelta') : t('salon.adjust.valueDelta', { currency: card.currency })}
        description={t('salon.adjust.deltaHelp')}
        value={delta}
        onChange={setDelta}
        allowDecimal={!isCount && digits > 0}
        decimalScale={isCount ? 0 : digits}
        error={e('delta')}
        required
      />
      <TextInput
        label={t('salon.adjust.note')}
        value={note}
        onChange={(ev) => setNote(ev.currentTarget.value)}
        maxLength={300}
        required
        error={e('note')}
      />
    </FormModal>
  );
}
