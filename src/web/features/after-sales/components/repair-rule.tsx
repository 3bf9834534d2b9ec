import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assessment, RepairTicket } from '../../../../contracts/after-sales';
import { Icon } from '../../../components/icons';
import { formatMoney } from '../../../lib/format';
import { formatDay } from '../../purchases/lib/dates';

/** The rule's name and a sentence saying why it applies, with the figures that came out of it. */
export function useRuleText() {
  const { t, i18n } = useTranslation();
  return (a: Assessment) => {
    const params = {
      days: a.daysSincePurchase,
      percent: a.depreciationPercent,
      amount: formatMoney(a.depreciationCharge, a.currency, i18n.language),
      price: formatMoney(a.paidAmount, a.currency, i18n.language),
      date: a.warrantyEndsOn ? formatDay(a.warrantyEndsOn, i18n.language) : '',
    };
    return { name: t(`afterSales.rules.${a.rule}.name`), explain: t(`afterSales.rules.${a.rule}.explain`, params) };
  };
}

// Mantine's light alert titles are shade 6 on a pale tint (about 3:1); shade 9 reads at 4.5:1 and more.
const readable = (color: string) => ({
  title: { color: `var(--mantine-color-${color}-9)` },
  icon: { color: `var(--mantine-color-${color}-9)` },
});

/** After assessment: the rule that applied. Before it: what she would be offered if it cannot be repaired. */
export function RepairRule({ ticket }: { ticket: RepairTicket }) {
  const { t, i18n } = useTranslation();
  const text = useRuleText();
  const a = ticket.assessment;
  if (a) {
    const r = text(a);
    return (
      <Alert
        color={a.isFree ? 'teal' : 'rose'}
        variant="light"
        styles={readable(a.isFree ? 'teal' : 'rose')}
        icon={<Icon name="check" />}
        title={t('afterSales.ticket.ruleApplied', { rule: r.name })}
      >
        <Stack gap={4}>
          <Text size="sm">{r.explain}</Text>
          <Text size="sm" fw={600}>
            {ticket.charge > 0
              ? t('afterSales.ticket.charge', { amount: formatMoney(ticket.charge, ticket.currency, i18n.language) })
              : t('afterSales.ticket.free')}
          </Text>
        </Stack>
      </Alert>
    );
  }
  const w = ticket.whatIfNotRepairable;
  if (!w) {
    return (
      <Alert color="gray" variant="light" icon={<Icon name="alert" />}>
        {t('afterSales.ticket.noPurchase')}
      </Alert>
    );
  }
  const r = text(w);
  return (
    <Alert
      color="blue"
      variant="light"
      styles={readable('blue')}
      icon={<Icon name="alert" />}
      title={t('afterSales.ticket.ifNotRepairable')}
    >
      <Stack gap={4}>
        <Text size="sm" fw={600} data-testid="what-if">
          {w.rule === 'paid_exchange_depreciation'
            ? t('afterSales.ticket.exchangeOffer', {
                percent: w.depreciationPercent,
                amount: formatMoney(w.depreciationCharge, w.currency, i18n.language),
              })
            : r.name}
        </Text>
        <Text size="sm">{r.explain}</Text>
      </Stack>
    </Alert>
  );
}
