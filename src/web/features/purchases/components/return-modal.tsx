import { NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../../contracts/purchases';
import { FormModal } from '../../../components/form-modal';
import { formatMoney } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useCreateReturn } from '../api/create-return';
import { refundShare } from '../lib/money';
import { serverErrors } from '../lib/sale-form';
import type { ReceiptLine } from './receipt-card';

/** Takes back some of a line: at most what is left, refunding her paid share. */
export function ReturnModal({ receipt, line, onClose }: { receipt: Receipt; line: ReceiptLine; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const left = line.quantity - line.returnedQuantity;
  const [quantity, setQuantity] = useState<number | string>(Math.min(1, left));
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateReturn();
  const q = Math.trunc(Number(quantity) || 0);
  const refund = refundShare(line.paidAmount, line.quantity, Math.max(0, q));

  function submit() {
    setFormError(null);
    if (q < 1 || q > left) {
      setError(t('purchases.return.quantityRange', { max: left }));
      return;
    }
    create.mutate(
      { receiptId: receipt.id, body: { lines: [{ originalLineId: line.id, quantity: q }] } },
      {
        onSuccess: onClose,
        onError: (err) => {
          const fields = serverErrors(err);
          const key = fields['lines.0.quantity'];
          setError(key ? t(key, { max: left }) : undefined);
          setFormError(translateMessage(t, problemMessage(err)));
        },
      },
    );
  }

  return (
    <FormModal
      opened
      title={t('purchases.return.title', { name: line.productName })}
      submitLabel={t('purchases.return.submit')}
      loading={create.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Stack gap={4}>
        <Text size="sm">{t('purchases.return.from', { no: receipt.receiptNo })}</Text>
        <Text size="sm" c="dimmed">
          {t('purchases.return.left', { count: left, bought: line.quantity })}
        </Text>
      </Stack>
      <NumberInput
        label={t('purchases.return.quantity')}
        value={quantity}
        onChange={(v) => {
          setQuantity(v);
          setError(undefined);
        }}
        min={1}
        max={left}
        allowDecimal={false}
        allowNegative={false}
        inputMode="numeric"
        error={error}
        data-autofocus
      />
      <div aria-live="polite">
        <Text size="sm" c="dimmed">
          {t('purchases.return.refund')}
        </Text>
        <Text fw={700} fz="xl" data-testid="return-refund">
          {formatMoney(refund, receipt.currency, i18n.language)}
        </Text>
      </div>
    </FormModal>
  );
}
