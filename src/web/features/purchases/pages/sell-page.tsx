import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatMoney } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useCategories } from '../api/get-categories';
import { useCustomerBasics } from '../api/get-customer';
import { useCreatePurchase } from '../api/create-purchase';
import { SaleDetailsFields, paymentMethodsFor } from '../components/sale-details-fields';
import { SaleLineFields } from '../components/sale-line-fields';
import { todayIn, zonedDayIso } from '../lib/dates';
import {
  buildSale,
  newLine,
  serverErrors,
  suggestReceiptNo,
  totals,
  type SaleErrors,
  type SaleLine,
  type SaleValues,
} from '../lib/sale-form';
import { BROWSER_ZONE, useStoreOf } from '../lib/store';

/** /customers/:id/sell — a sale for her, on the phone, in a few taps. */
export function SellPage() {
  const { id = '' } = useParams();
  const customer = useCustomerBasics(id);
  if (customer.isPending) return <PageLoader />;
  if (customer.isError) return <ErrorAlert error={customer.error} onRetry={() => void customer.refetch()} />;
  return <SellForm customerId={id} customerName={customer.data.displayName} storeId={customer.data.storeId} />;
}

function SellForm({
  customerId,
  customerName,
  storeId,
}: {
  customerId: string;
  customerName: string;
  storeId: string;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const store = useStoreOf(storeId);
  const currency = store?.currency ?? 'CNY';
  const timeZone = store?.timezone ?? BROWSER_ZONE;
  const today = todayIn(timeZone);
  const categories = useCategories();
  const create = useCreatePurchase();
  const [values, setValues] = useState<SaleValues>(() => ({
    receiptNo: suggestReceiptNo(store?.code ?? 'S', new Date(), timeZone),
    paymentMethod: paymentMethodsFor(store?.country)[0] ?? '',
    day: today,
    lines: [newLine()],
  }));
  const [errors, setErrors] = useState<SaleErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const sum = totals(values.lines, currency);
  const backTo = `/customers/${customerId}`;

  const error = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  function patch(p: Partial<SaleValues>) {
    setValues((v) => ({ ...v, ...p }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) delete next[k === 'day' ? 'occurredAt' : k];
      return next;
    });
  }
  function patchLine(i: number, p: Partial<SaleLine>) {
    setValues((v) => ({ ...v, lines: v.lines.map((l, j) => (j === i ? { ...l, ...p } : l)) }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) delete next[`lines.${i}.${k === 'listPrice' ? 'unitListPrice' : k}`];
      return next;
    });
  }
  function removeLine(i: number) {
    setValues((v) => ({ ...v, lines: v.lines.filter((_, j) => j !== i) }));
    setErrors({});
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const occurredAt = values.day && values.day !== today ? zonedDayIso(values.day, timeZone) : undefined;
    if (values.day > today) {
      setErrors({ occurredAt: 'purchases.errors.future' });
      return;
    }
    const { body, errors: found } = buildSale(values, { storeId, customerId, currency, occurredAt });
    setErrors(found);
    if (!body) {
      setFormError(t('purchases.errors.checkFields'));
      return;
    }
    create.mutate(body, {
      // Her page opens on the purchases tab, the new receipt marked.
      onSuccess: (r) => navigate(`${backTo}?tab=purchases`, { state: { newReceiptId: r.id } }),
      onError: (err) => {
        setErrors(serverErrors(err));
        setFormError(translateMessage(t, problemMessage(err)));
      },
    });
  }

  return (
    <Stack gap={0}>
      <Anchor component={Link} to={backTo} size="sm" mb="xs">
        <Group gap={4} component="span" wrap="nowrap">
          <Icon name="arrowLeft" size={16} />
          {t('purchases.sell.back', { name: customerName })}
        </Group>
      </Anchor>
      <PageHeader
        title={t('purchases.sell.title')}
        description={t('purchases.sell.description', { name: customerName, store: store?.name ?? '' })}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {values.lines.map((line, i) => (
            <SaleLineFields
              key={line.key}
              line={line}
              index={i}
              currency={currency}
              categories={categories.data?.items.filter((c) => !c.isService) ?? []}
              canRemove={values.lines.length > 1}
              error={error}
              onChange={(p) => patchLine(i, p)}
              onRemove={() => removeLine(i)}
            />
          ))}
          <Button
            variant="light"
            leftSection={<Icon name="plus" size={18} />}
            onClick={() => patch({ lines: [...values.lines, newLine()] })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('purchases.sell.addItem')}
          </Button>
          <SaleDetailsFields
            receiptNo={values.receiptNo}
            paymentMethod={values.paymentMethod}
            day={values.day}
            today={today}
            country={store?.country}
            error={error}
            onChange={patch}
          />
          <Paper
            withBorder
            radius="md"
            p="md"
            bg="rose.0"
            style={{ position: 'sticky', bottom: 'calc(var(--app-shell-footer-offset, 0px) + 8px)', zIndex: 2 }}
          >
            <Stack gap="xs">
              {formError && (
                <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert" p="xs">
                  {formError}
                </Alert>
              )}
              <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
                <div aria-live="polite" style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed">
                    {t('purchases.sell.total')}
                  </Text>
                  <Text fw={700} fz={{ base: 'lg', sm: 'xl' }} lh={1.2} data-testid="sale-total">
                    {formatMoney(sum.paid, currency, i18n.language)}
                  </Text>
                  <Text size="xs" c="dimmed" visibleFrom="sm">
                    {t('purchases.sell.summary', {
                      count: values.lines.length,
                      list: formatMoney(sum.list, currency, i18n.language),
                      discount: formatMoney(sum.discount, currency, i18n.language),
                    })}
                  </Text>
                </div>
                <Button
                  type="submit"
                  loading={create.isPending}
                  leftSection={<Icon name="check" size={18} />}
                  style={{ flex: 'none' }}
                >
                  {t('purchases.sell.submit')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stack>
      </form>
    </Stack>
  );
}
