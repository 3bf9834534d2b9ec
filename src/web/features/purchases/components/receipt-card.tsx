import { Badge, Button, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../../contracts/purchases';
import { Icon } from '../../../components/icons';
import { MetaLine } from '../../../components/meta-line';
import { formatDateTime, formatMoney } from '../../../lib/format';

export type ReceiptLine = Receipt['lines'][number];

type Props = {
  receipt: Receipt;
  timeZone: string;
  isNew?: boolean;
  /** For a return: the number of the sale it takes back, when it is on screen. */
  originalNo?: string | null;
  categoryName: (key: string | null) => string | null;
  onReturn: (receipt: Receipt, line: ReceiptLine) => void;
  onRepair: (receipt: Receipt, line: ReceiptLine) => void;
};

/** A receipt with its lines: what she bought (or brought back), the discount and what she paid. */
export function ReceiptCard({ receipt: r, timeZone, isNew, originalNo, categoryName, onReturn, onRepair }: Props) {
  const { t, i18n } = useTranslation();
  const money = (n: number) => formatMoney(n, r.currency, i18n.language);
  const isSale = r.kind === 'sale';
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="md"
      bg={isSale ? undefined : 'gray.0'}
      style={isNew ? { borderColor: 'var(--mantine-color-rose-6)', borderWidth: 2 } : undefined}
      aria-label={t('purchases.receipt.label', { no: r.receiptNo })}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{r.receiptNo}</Text>
            {!isSale && (
              <Badge color="gray.7" variant="filled">
                {t('purchases.receipt.return')}
              </Badge>
            )}
            {isNew && <Badge variant="light">{t('purchases.receipt.new')}</Badge>}
          </Group>
          <MetaLine
            parts={[
              formatDateTime(r.occurredAt, i18n.language, timeZone),
              originalNo ? t('purchases.receipt.returnOf', { no: originalNo }) : null,
              r.sellerName
                ? t(isSale ? 'purchases.receipt.seller' : 'purchases.receipt.recordedBy', { name: r.sellerName })
                : null,
              isSale && r.paymentMethod
                ? t(`purchases.payment.${r.paymentMethod}`, { defaultValue: r.paymentMethod })
                : null,
            ]}
          />
        </Stack>
        <Stack gap={0} align="flex-end" style={{ flex: 'none' }}>
          <Text fw={700} fz="lg">
            {money(r.totalPaid)}
          </Text>
          {r.totalDiscount > 0 && (
            <Text size="xs" c="dimmed">
              {t('purchases.receipt.discountTotal', { amount: money(r.totalDiscount) })}
            </Text>
          )}
        </Stack>
      </Group>
      <Divider my="sm" />
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {r.lines.map((l) => {
          const left = l.quantity - l.returnedQuantity;
          return (
            <li key={l.id}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text fw={500}>{l.productName}</Text>
                    {l.styleNo && (
                      <Badge variant="outline" color="gray" radius="sm">
                        {l.styleNo}
                      </Badge>
                    )}
                    {l.returnedQuantity > 0 && (
                      <Badge color="red.9" variant="outline">
                        {t('purchases.receipt.returned', { count: l.returnedQuantity })}
                      </Badge>
                    )}
                  </Group>
                  <MetaLine
                    parts={[
                      categoryName(l.category),
                      l.size ? t('purchases.receipt.size', { size: l.size }) : null,
                      l.colour,
                      t('purchases.receipt.qtyPrice', { count: Math.abs(l.quantity), price: money(l.unitListPrice) }),
                      l.discount > 0 ? t('purchases.receipt.discount', { amount: money(l.discount) }) : null,
                    ]}
                  />
                </Stack>
                <Text fw={500} style={{ flex: 'none' }}>
                  {money(l.paidAmount)}
                </Text>
              </Group>
              {isSale && (
                <Group gap="xs" mt={4}>
                  {left > 0 && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<Icon name="receipt" size={16} />}
                      onClick={() => onReturn(r, l)}
                      aria-label={t('purchases.receipt.returnAction', { name: l.productName })}
                    >
                      {t('purchases.receipt.returnShort')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<Icon name="tool" size={16} />}
                    onClick={() => onRepair(r, l)}
                    aria-label={t('purchases.receipt.repairAction', { name: l.productName })}
                  >
                    {t('purchases.receipt.repairShort')}
                  </Button>
                </Group>
              )}
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}
