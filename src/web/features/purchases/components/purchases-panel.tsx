import { Button, Center, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Receipt } from '../../../../contracts/purchases';
import { Icon } from '../../../components/icons';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { RepairIntakeModal } from '../../after-sales/components/repair-intake-modal';
import { categoryLabel, useCategories } from '../api/get-categories';
import { useCustomerReceipts } from '../api/get-receipts';
import { BROWSER_ZONE, useStoreOf } from '../lib/store';
import { CustomerStatsCard } from './customer-stats-card';
import { ReceiptCard, type ReceiptLine } from './receipt-card';
import { ReturnModal } from './return-modal';

type Dialog = { kind: 'return' | 'repair'; receipt: Receipt; line: ReceiptLine } | null;

/** The customer page's "Purchases" tab: her spend and visits, then every receipt, newest first. */
export function PurchasesPanel({ customerId, storeId }: { customerId: string; storeId: string }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const newReceiptId = (location.state as { newReceiptId?: string } | null)?.newReceiptId;
  const store = useStoreOf(storeId);
  const timeZone = store?.timezone ?? BROWSER_ZONE;
  const receipts = useCustomerReceipts(customerId);
  const categories = useCategories();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = receipts.data?.pages.flatMap((p) => p.items) ?? [];
  const categoryName = (key: string | null) => {
    const c = key ? categories.data?.items.find((x) => x.key === key) : undefined;
    return c ? categoryLabel(c, i18n.language) : null;
  };

  return (
    <Stack gap="md">
      <CustomerStatsCard customerId={customerId} timeZone={timeZone} />
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2} size="h4">
          {t('purchases.panel.receipts')}
        </Title>
        <Button component={Link} to={`/customers/${customerId}/sell`} leftSection={<Icon name="plus" size={18} />}>
          {t('purchases.panel.recordSale')}
        </Button>
      </Group>
      {receipts.isPending ? (
        <PageLoader />
      ) : receipts.isError ? (
        <ErrorAlert error={receipts.error} onRetry={() => void receipts.refetch()} />
      ) : list.length === 0 ? (
        <EmptyBlock icon="receipt" title={t('purchases.panel.empty')} description={t('purchases.panel.emptyHelp')} />
      ) : (
        <>
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.map((r) => (
              <ReceiptCard
                key={r.id}
                receipt={r}
                timeZone={timeZone}
                isNew={r.id === newReceiptId}
                originalNo={r.originalReceiptId ? list.find((x) => x.id === r.originalReceiptId)?.receiptNo : null}
                categoryName={categoryName}
                onReturn={(receipt, line) => setDialog({ kind: 'return', receipt, line })}
                onRepair={(receipt, line) => setDialog({ kind: 'repair', receipt, line })}
              />
            ))}
          </Stack>
          {receipts.hasNextPage && (
            <Center>
              <Button
                variant="default"
                onClick={() => void receipts.fetchNextPage()}
                loading={receipts.isFetchingNextPage}
              >
                {t('purchases.panel.loadMore')}
              </Button>
            </Center>
          )}
        </>
      )}
      {dialog?.kind === 'return' && (
        <ReturnModal receipt={dialog.receipt} line={dialog.line} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'repair' && (
        <RepairIntakeModal
          customerId={customerId}
          storeId={storeId}
          lineId={dialog.line.id}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
