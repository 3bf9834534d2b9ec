import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProgramme, type Preview } from '../api/loyalty';
import { labelOf } from './tier-text';

export function TierChangePreview({ p }: { p: Preview }) {
  const { t, i18n } = useTranslation();
  const { data } = useProgramme();
  const name = (k: string | null) =>
    k ? labelOf(data?.tiers.find((x) => x.key === k)?.labels, i18n.language, k) : '—';
  return (
    <Card withBorder padding="md" data-testid="tier-preview">
      <Stack gap="xs">
        <Text fw={600}>{t('loyalty.preview.title')}</Text>
        <Group gap="lg">
          <Text c="green" data-testid="preview-up">
            {t('loyalty.preview.up', { count: p.up })}
          </Text>
          <Text c="red" data-testid="preview-down">
            {t('loyalty.preview.down', { count: p.down })}
          </Text>
          <Text c="dimmed">{t('loyalty.preview.same', { count: p.unchanged })}</Text>
        </Group>
        <Table fz="sm" withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('loyalty.preview.tier')}</Table.Th>
              <Table.Th ta="right">{t('loyalty.preview.now')}</Table.Th>
              <Table.Th ta="right">{t('loyalty.preview.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.byTier.map((b) => (
              <Table.Tr key={b.key}>
                <Table.Td>{name(b.key)}</Table.Td>
                <Table.Td ta="right">{b.now}</Table.Td>
                <Table.Td ta="right">{b.proposed}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {[...p.sampleUp, ...p.sampleDown].slice(0, 8).map((s) => (
          <Text size="sm" key={s.id}>
            {s.displayName}: {name(s.from)} → {name(s.to)}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t('loyalty.preview.note')}
        </Text>
      </Stack>
    </Card>
  );
}
