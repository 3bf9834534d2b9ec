import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreSummary } from '../../../../contracts/auth';
import { Icon } from '../../../components/icons';
import { formatLongDate, formatTime } from '../../../lib/format';

export function useNow(intervalMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** The current store and its own date and time, whatever zone the phone is in. */
export function StoreClock({ store, now }: { store: StoreSummary; now: Date }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="current-store-title">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {t('home.currentStore')}
          </Text>
          <Text id="current-store-title" fw={700} fz="xl" lh={1.3}>
            {store.name}
          </Text>
        </Stack>
        <Badge variant="light" size="lg" style={{ flex: 'none' }}>
          {store.code}
        </Badge>
      </Group>
      <Group gap="sm" mt="md" align="center" wrap="nowrap">
        <Icon name="clock" size={28} />
        <Stack gap={0}>
          <Text fz={28} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
            <time dateTime={now.toISOString()}>{formatTime(now, lng, store.timezone)}</time>
          </Text>
          <Text size="sm">{formatLongDate(now, lng, store.timezone)}</Text>
        </Stack>
      </Group>
      <Text size="xs" c="dimmed" mt="sm">
        {t('home.storeZone', { zone: store.timezone, currency: store.currency })}
      </Text>
    </Card>
  );
}
