import { Badge, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import type { Programme } from '../api/loyalty';
import { describeBenefits, describeRule, labelOf, TIER_COLOURS } from './tier-text';

/**
 * The membership requirements told to a customer when she registers (seed 001): every tier's rule in
 * her store's currency and what it brings, and how points work. Large type, prints on one page.
 */
export function RequirementsPanel({ programme, currency }: { programme: Programme; currency: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const s = programme.settings;
  const unit = s.points.earnUnit[currency];
  const tiers = programme.tiers.filter((x) => x.isActive);
  return (
    <Stack gap="md" data-testid="requirements-panel">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {tiers.map((tier) => {
          const benefits = describeBenefits(t, tier.benefits, lng);
          return (
            <Card key={tier.id} withBorder padding="md" radius="md">
              <Stack gap="xs">
                <Badge size="lg" color={TIER_COLOURS[tier.rank] ?? 'blue'} variant="filled" w="fit-content">
                  {labelOf(tier.labels, lng, tier.key)}
                </Badge>
                <Text fw={600}>{describeRule(t, tier.qualification, currency, lng, s.windowDays)}</Text>
                {benefits.length > 0 ? (
                  <List size="sm" spacing={2}>
                    {benefits.map((b) => (
                      <List.Item key={b}>{b}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('loyalty.benefit.pointsOnly')}
                  </Text>
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      <Card withBorder padding="md" radius="md">
        <Title order={2} size="h5" mb={4}>
          {t('loyalty.requirements.howItWorks')}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>{t('loyalty.requirements.upgrade')}</List.Item>
          <List.Item>
            {t('loyalty.requirements.review', {
              month: s.review.month,
              day: s.review.day,
              days: s.review.graceDays,
            })}
          </List.Item>
          {unit && (
            <List.Item>{t('loyalty.requirements.points', { amount: formatMoney(unit, currency, lng) })}</List.Item>
          )}
          {s.points.expiryMonths && (
            <List.Item>{t('loyalty.requirements.expiry', { count: s.points.expiryMonths })}</List.Item>
          )}
        </List>
      </Card>
    </Stack>
  );
}
