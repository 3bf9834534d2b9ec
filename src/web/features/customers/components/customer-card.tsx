import { Badge, Card, Group, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerListItem } from '../../../../contracts/customers';
import { formatDate } from '../../../lib/format';
import { TierBadge } from '../../loyalty/components/tier-badge';

export function CustomerCard({ c, timeZone }: { c: CustomerListItem; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <UnstyledButton component={Link} to={`/customers/${c.id}`} aria-label={c.displayName}>
      <Card withBorder padding="md" radius="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={8} wrap="wrap">
              <Text fw={700} size="lg">
                {c.displayName}
              </Text>
              <TierBadge tier={c.tier} />
              {c.match === 'exact' && (
                <Badge variant="outline" color="teal">
                  {t('customers.match.exact')}
                </Badge>
              )}
            </Group>
            {c.reading && (
              <Text size="sm" c="dimmed">
                {c.reading}
              </Text>
            )}
            <Text size="sm">
              {[c.phoneMasked, c.memberNo && t('customers.memberNoShort', { no: c.memberNo })]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Text size="sm" c="dimmed">
              {[
                c.ownerName ? t('customers.ownerIs', { name: c.ownerName }) : t('customers.noOwner'),
                c.lastVisitAt
                  ? t('customers.lastVisitOn', { date: formatDate(c.lastVisitAt, i18n.language, timeZone) })
                  : t('customers.noVisitYet'),
              ].join(' · ')}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end" miw={72}>
            <Text size="xs" c="dimmed">
              {t('customers.completeness')}
            </Text>
            <Text fw={700}>{c.completeness}%</Text>
            <Progress value={c.completeness} w={64} size="sm" aria-hidden />
          </Stack>
        </Group>
      </Card>
    </UnstyledButton>
  );
}
