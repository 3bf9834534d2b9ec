import { NumberInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { usePointsEntry } from '../api/loyalty';

/** Redeem points (anyone serving her) or adjust them with the reason (managers). */
export function PointsModal({
  customerId,
  kind,
  balance,
  onClose,
}: {
  customerId: string;
  kind: 'redeem' | 'adjust';
  balance: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const write = usePointsEntry(customerId, kind);
  const [points, setPoints] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function submit() {
    setFormError(null);
    const n = Math.trunc(Number(points));
    const next: Record<string, string> = {};
    if (!n || (kind === 'redeem' && n < 0)) next.points = 'errors:field.required';
    else if (kind === 'redeem' && n > balance) next.points = 'loyalty.points.tooMany';
    if (kind === 'adjust' && !reason.trim()) next.reason = 'loyalty.points.sayWhy';
    setErrors(next);
    if (Object.keys(next).length) return;
    write.mutate(
      { points: n, reason: reason.trim() || undefined },
      { onSuccess: onClose, onError: (err) => setFormError(translateMessage(t, problemMessage(err))) },
    );
  }
  const e = (k: string) => (errors[k] ? t(errors[k]) : undefined);
  return (
    <FormModal
      opened
      title={t(`loyalty.points.${kind}Title`)}
      submitLabel={t(`loyalty.points.${kind}`)}
      loading={write.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{t('loyalty.points.balanceNow', { points: balance.toLocaleString(i18n.language) })}</Text>
      <NumberInput
        label={t(kind === 'redeem' ? 'loyalty.points.howMany' : 'loyalty.points.delta')}
        description={kind === 'adjust' ? t('loyalty.points.deltaHelp') : undefined}
        value={points}
        onChange={setPoints}
        allowDecimal={false}
        allowNegative={kind === 'adjust'}
        min={kind === 'redeem' ? 1 : undefined}
        max={kind === 'redeem' ? balance : undefined}
        error={e('points')}
        required
        data-autofocus
      />
      <TextInput
        label={t(kind === 'redeem' ? 'loyalty.points.forWhat' : 'loyalty.points.reason')}
        value={reason}
        onChange={(ev) => setReason(ev.currentTarget.value)}
        maxLength={200}
        required={kind === 'adjust'}
        error={e('reason')}
      />
    </FormModal>
  );
}
