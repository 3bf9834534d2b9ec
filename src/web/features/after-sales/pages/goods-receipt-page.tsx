import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Icon } from '../../../components/icons';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatMoney } from '../../../lib/format';
import { useSession } from '../../auth/api/get-me';
import { formatDay } from '../../purchases/lib/dates';
import { useRepair } from '../api/get-repair';
import './goods-receipt.css';

/** /repairs/:id/receipt — the printable customer goods receipt (客户货品领取收据 / お預かり証), no navigation. */
export function GoodsReceiptPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const ticket = useRepair(id);
  const body = (() => {
    if (ticket.isPending) return <PageLoader />;
    if (ticket.isError) return <ErrorAlert error={ticket.error} onRetry={() => void ticket.refetch()} />;
    const r = ticket.data;
    const store = me.stores.find((s) => s.id === r.storeId);
    const day = (d: string) => formatDay(d, i18n.language);
    const w = r.whatIfNotRepairable;
    const rows: Array<[string, string]> = [
      [t('afterSales.receipt.customer'), r.customerName],
      [t('afterSales.ticket.item'), r.itemDescription],
      [t('afterSales.ticket.fault'), r.fault],
      [t('afterSales.ticket.cause'), t(`afterSales.cause.${r.cause}`)],
      [t('afterSales.receipt.received'), day(r.reportedOn)],
      ...(r.purchasedOn ? [[t('afterSales.ticket.purchasedOn'), day(r.purchasedOn)] as [string, string]] : []),
      ...(w?.warrantyEndsOn ? [[t('afterSales.ticket.warrantyEnds'), day(w.warrantyEndsOn)] as [string, string]] : []),
      [t('afterSales.ticket.photos'), String(r.photoCount)],
    ];
    return (
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Text fw={700} fz="lg">
              {me.org.name}
            </Text>
            <Text size="sm">{store ? `${store.name} (${store.code})` : ''}</Text>
          </div>
          <div style={{ textAlign: 'end' }}>
            <Text size="xs">{t('afterSales.receipt.ticketNo')}</Text>
            <div className="goods-receipt-ticket" data-testid="receipt-ticket-no">
              {r.ticketNo}
            </div>
          </div>
        </Group>
        <Title order={1} fz="h2" ta="center">
          {t('afterSales.receipt.title')}
        </Title>
        <table>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td style={{ whiteSpace: 'pre-wrap' }}>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {w?.rule === 'paid_exchange_depreciation' && !r.assessment && (
          <Text size="sm">
            {t('afterSales.receipt.terms', {
              percent: w.depreciationPercent,
              amount: formatMoney(w.depreciationCharge, w.currency, i18n.language),
            })}
          </Text>
        )}
        <Text size="sm">{t('afterSales.receipt.bring')}</Text>
        <div className="goods-receipt-signatures">
          <div className="goods-receipt-signature">{t('afterSales.receipt.customerSignature')}</div>
          <div className="goods-receipt-signature">{t('afterSales.receipt.date')}</div>
          <div className="goods-receipt-signature">{t('afterSales.receipt.staffSignature')}</div>
          <div className="goods-receipt-signature">{t('afterSales.receipt.collectedOn')}</div>
        </div>
      </Stack>
    );
  })();
  return (
    <main id="main" className="goods-receipt">
      <Group className="no-print" justify="space-between" mb="lg" gap="xs">
        <Button
          component={Link}
          to={`/repairs/${id}`}
          variant="subtle"
          leftSection={<Icon name="arrowLeft" size={18} />}
        >
          {t('afterSales.receipt.back')}
        </Button>
        <Button onClick={() => window.print()} leftSection={<Icon name="printer" size={18} />}>
          {t('afterSales.receipt.print')}
        </Button>
      </Group>
      {body}
    </main>
  );
}
