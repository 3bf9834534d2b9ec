import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { MetaLine } from '../../../components/meta-line';
import { formatDateTime } from '../../../lib/format';
import { formatDay } from '../../purchases/lib/dates';
import { useRedeemEntitlement, type Entitlement } from '../api/entitlements';

/** Free services she has earned (dry-cleaning of a suit, leather care), each used once. */
export function EntitlementList({
  customerId,
  items,
  timeZone,
}: {
  customerId: string;
  items: Entitlement[];
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const redeem = useRedeemEntitlement(customerId);
  const [using, setUsing] = useState<Entitlement | null>(null);
  const close = () => {
    setUsing(null);
    redeem.reset();
  };
  return (
    <>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((e) => {
          const isUsed = e.redeemedAt !== null;
          return (
            <Paper
              key={e.id}
              component="li"
              withBorder
              radius="md"
              p="sm"
              bg={isUsed || e.isExpired ? 'gray.0' : undefined}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{t(`afterSales.entitlement.${e.kind}`)}</Text>
                    {isUsed ? (
                      <Badge color="gray.7" variant="filled">
                        {t('afterSales.entitlement.used')}
                      </Badge>
                    ) : e.isExpired ? (
                      <Badge color="gray.7" variant="outline">
                        {t('afterSales.entitlement.expired')}
                      </Badge>
                    ) : (
                      <Badge color="teal.9" variant="filled">
                        {t('afterSales.entitlement.available')}
                      </Badge>
                    )}
                  </Group>
                  <MetaLine
                    parts={[
                      [e.productName, e.styleNo].filter(Boolean).join(' · '),
                      isUsed
                        ? t('afterSales.entitlement.usedBy', {
                            name: e.redeemedByName ?? '—',
                            when: formatDateTime(e.redeemedAt!, i18n.language, timeZone),
                          })
                        : t('afterSales.entitlement.validUntil', { date: formatDay(e.validUntil, i18n.language) }),
                    ]}
                  />
                </Stack>
                {!isUsed && !e.isExpired && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => setUsing(e)}
                    aria-label={t('afterSales.entitlement.useAction', {
                      kind: t(`afterSales.entitlement.${e.kind}`),
                      name: e.productName,
                    })}
                  >
                    {t('afterSales.entitlement.use')}
                  </Button>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {using && (
        <ConfirmDialog
          opened
          title={t('afterSales.entitlement.confirmTitle', { kind: t(`afterSales.entitlement.${using.kind}`) })}
          message={t('afterSales.entitlement.confirmMessage', { name: using.productName })}
          confirmLabel={t('afterSales.entitlement.use')}
          loading={redeem.isPending}
          error={redeem.error}
          onClose={close}
          onConfirm={() => redeem.mutate(using.id, { onSuccess: close })}
        />
      )}
    </>
  );
}
