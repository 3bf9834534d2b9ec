import { Chip, Grid, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../lib/sale-form';

// The methods shoppers use in each market, in the order a till would offer them.
const BY_COUNTRY: Record<string, PaymentMethod[]> = {
  CN: ['wechat_pay', 'alipay', 'card', 'cash', 'stored_value', 'other'],
  TW: ['card', 'cash', 'line_pay', 'stored_value', 'other'],
  HK: ['card', 'cash', 'alipay', 'wechat_pay', 'stored_value', 'other'],
  JP: ['card', 'cash', 'paypay', 'line_pay', 'stored_value', 'other'],
};
const ALL: PaymentMethod[] = ['cash', 'card', 'wechat_pay', 'alipay', 'line_pay', 'paypay', 'stored_value', 'other'];

export function paymentMethodsFor(country: string | undefined): PaymentMethod[] {
  return BY_COUNTRY[country ?? ''] ?? ALL;
}

type Props = {
  receiptNo: string;
  paymentMethod: PaymentMethod | '';
  day: string;
  today: string;
  country: string | undefined;
  error: (field: string) => string | undefined;
  onChange: (patch: { receiptNo?: string; paymentMethod?: PaymentMethod | ''; day?: string }) => void;
};

/** Receipt number (suggested, editable), how she paid and, for a sale entered later, its date. */
export function SaleDetailsFields({ receiptNo, paymentMethod, day, today, country, error, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="sale-details-title">
      <Title order={2} size="h5" id="sale-details-title" mb="xs">
        {t('purchases.sell.details')}
      </Title>
      <Stack gap="sm">
        <div role="radiogroup" aria-labelledby="sale-payment-label">
          <Text size="sm" fw={600} mb={6} id="sale-payment-label">
            {t('purchases.sell.paymentMethod')}
          </Text>
          <Chip.Group value={paymentMethod} onChange={(v) => onChange({ paymentMethod: v as PaymentMethod })}>
            <Group gap={6}>
              {paymentMethodsFor(country).map((m) => (
                <Chip key={m} value={m} variant="outline" size="sm">
                  {t(`purchases.payment.${m}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput
              label={t('purchases.sell.receiptNo')}
              description={t('purchases.sell.receiptNoHelp')}
              value={receiptNo}
              onChange={(e) => onChange({ receiptNo: e.currentTarget.value })}
              maxLength={64}
              required
              autoComplete="off"
              error={error('receiptNo')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput
              type="date"
              label={t('purchases.sell.day')}
              description={t('purchases.sell.dayHelp')}
              value={day}
              max={today}
              onChange={(e) => onChange({ day: e.currentTarget.value })}
              error={error('occurredAt')}
            />
          </Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  );
}
