import { Anchor, Badge, Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/query-state';
import { formatDate, formatMoney } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { BROWSER_ZONE, useStoreOf } from '../../purchases/lib/store';
import { useCustomerLoyalty, usePointsLedger, useProgramme } from '../api/loyalty';
import { PointsModal } from './points-modal';
import { describeBenefits, labelOf, TIER_COLOURS } from './tier-text';

/** The customer page's VIP card: her tier, what is missing for the next, points, history. */
export function LoyaltyCard({ customerId, storeId }: { customerId: string; storeId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const me = useSession();
  const store = useStoreOf(storeId);
  const timeZone = store?.timezone ?? BROWSER_ZONE;
  const loyalty = useCustomerLoyalty(customerId);
  const programme = useProgramme();
  const [dialog, setDialog] = useState<'redeem' | 'adjust' | null>(null);
  const [showLedger, setShowLedger] = useState(false);
  const ledger = usePointsLedger(customerId, showLedger);
  if (loyalty.isError) return <ErrorAlert error={loyalty.error} onRetry={() => void loyalty.refetch()} />;
  if (!loyalty.data) return null;
  const l = loyalty.data;
  const tierName = (key: string | null) =>
    key ? labelOf(programme.data?.tiers.find((x) => x.key === key)?.labels, lng, key) : t('loyalty.card.noTier');
  const money = (n: number) => formatMoney(n, l.activity.currency, lng);
  const next = l.nextTier;
  const spendTarget = next?.missingSpend !== null && next ? l.activity.spend + (next.missingSpend ?? 0) : null;
  const pct = spendTarget ? Math.min(100, Math.round((100 * l.activity.spend) / spendTarget)) : 0;

  return (
    <Card withBorder padding="md" data-testid="loyalty-card">
      <Stack gap="sm">
        <Group justify="space-between" align="center" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {t('loyalty.card.title')}
          </Title>
          <Badge size="lg" color={TIER_COLOURS[l.tier?.rank ?? 0] ?? 'gray'} data-testid="loyalty-tier">
            {l.tier ? labelOf(l.tier.labels, lng, l.tier.key) : t('loyalty.card.noTier')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('loyalty.card.activity', {
            spend: money(l.activity.spend),
            count: l.activity.visits,
            days: l.activity.windowDays,
          })}
        </Text>
        {next && (
          <Stack gap={4}>
            <Text size="sm">
              {next.missingSpend !== null && next.missingVisits !== null
                ? t('loyalty.card.toNextEither', {
                    tier: labelOf(next.labels, lng, next.key),
                    spend: money(next.missingSpend),
                    count: next.missingVisits,
                  })
                : next.missingSpend !== null
                  ? t('loyalty.card.toNextSpend', {
                      tier: labelOf(next.labels, lng, next.key),
                      spend: money(next.missingSpend),
                    })
                  : t('loyalty.card.toNextVisits', {
                      tier: labelOf(next.labels, lng, next.key),
                      count: next.missingVisits ?? 0,
                    })}
            </Text>
            {spendTarget ? <Progress value={pct} size="sm" aria-label={t('loyalty.card.progress')} /> : null}
          </Stack>
        )}
        {l.tier && describeBenefits(t, l.tier.benefits, lng).length > 0 && (
          <Text size="sm">{describeBenefits(t, l.tier.benefits, lng).join(' · ')}</Text>
        )}
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('loyalty.card.points')}
            </Text>
            <Text fz={28} fw={700} lh={1.1} data-testid="loyalty-points">
              {l.points.balance.toLocaleString(lng)}
            </Text>
            {l.points.expiringSoon > 0 && l.points.nextExpiry && (
              <Text size="xs" c="orange">
                {t('loyalty.card.expiring', {
                  points: l.points.expiringSoon.toLocaleString(lng),
                  date: formatDate(l.points.nextExpiry, lng, timeZone),
                })}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            <Button variant="light" onClick={() => setDialog('redeem')} disabled={l.points.balance <= 0}>
              {t('loyalty.points.redeem')}
            </Button>
            {can(me.user.role, 'adjustPoints') && (
              <Button variant="default" onClick={() => setDialog('adjust')}>
                {t('loyalty.points.adjust')}
              </Button>
            )}
          </Group>
        </Group>
        {l.history.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('loyalty.card.history')}
            </Text>
            {l.history.slice(0, 5).map((h) => (
              <Text size="sm" key={h.id}>
                {formatDate(h.at, lng, timeZone)} · {tierName(h.fromTier)} → {tierName(h.toTier)} ·{' '}
                {t(`loyalty.reason.${h.reason}`)}
              </Text>
            ))}
          </Stack>
        )}
        <Group gap="md">
          <Anchor component="button" type="button" size="sm" onClick={() => setShowLedger((v) => !v)}>
            {showLedger ? t('loyalty.card.hideLedger') : t('loyalty.card.showLedger')}
          </Anchor>
          <Anchor component={Link} to="/vip" size="sm">
            {t('loyalty.card.requirements')}
          </Anchor>
        </Group>
        {showLedger && (
          <Stack gap="xs">
            <Table striped withRowBorders={false} fz="sm">
              <Table.Tbody>
                {(ledger.data?.pages ?? [])
                  .flatMap((p) => p.items)
                  .map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{formatDate(e.at, lng, timeZone)}</Table.Td>
                      <Table.Td>{t(`loyalty.kind.${e.kind}`)}</Table.Td>
                      <Table.Td ta="right" c={e.points < 0 ? 'red' : undefined}>
                        {e.points > 0 ? `+${e.points.toLocaleString(lng)}` : e.points.toLocaleString(lng)}
                      </Table.Td>
                      <Table.Td>{[e.reason, e.byName].filter(Boolean).join(' · ')}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
            {ledger.hasNextPage && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => void ledger.fetchNextPage()}
                loading={ledger.isFetchingNextPage}
              >
                {t('loyalty.card.more')}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
      {dialog && (
        <PointsModal customerId={customerId} kind={dialog} balance={l.points.balance} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
