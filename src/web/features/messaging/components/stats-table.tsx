import { Badge, Box, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffStats, StaffStatsRow } from '../../../../contracts/messaging';
import { CONTACT_CHANNELS } from '../../../../domain/contacts';

const rate = (r: { contacts: number; reached: number }) =>
  r.contacts ? Math.round((100 * r.reached) / r.contacts) : 0;

/** Per employee: contacts, how many got through, how many customers, and the channels used. */
export function StatsTable({ stats }: { stats: StaffStats }) {
  const { t } = useTranslation();
  const channels = CONTACT_CHANNELS.filter((c) => stats.totals.byChannel[c] > 0);
  const name = (r: StaffStatsRow) => (r.userId ? (r.name ?? '—') : t('messaging.stats.automatic'));
  const most = Math.max(1, ...stats.rows.map((r) => r.contacts));
  return (
    <>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={560 + channels.length * 70}>
          <Table striped verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('messaging.stats.staff')}</Table.Th>
                <Table.Th ta="right">{t('messaging.stats.contacts')}</Table.Th>
                <Table.Th ta="right">{t('messaging.stats.reached')}</Table.Th>
                <Table.Th ta="right">{t('messaging.stats.customers')}</Table.Th>
                {channels.map((c) => (
                  <Table.Th key={c} ta="right">
                    {t(`messaging.channel.${c}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.rows.map((r) => (
                <Table.Tr key={r.userId ?? 'automatic'}>
                  <Table.Td>
                    <Stack gap={4}>
                      <Text size="sm" fw={500}>
                        {name(r)}
                      </Text>
                      <Progress value={(100 * r.contacts) / most} size="sm" aria-hidden="true" />
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {r.contacts}
                  </Table.Td>
                  <Table.Td ta="right">
                    {r.reached}{' '}
                    <Text span size="xs" c="dimmed">
                      ({rate(r)}%)
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{r.customers}</Table.Td>
                  {channels.map((c) => (
                    <Table.Td key={c} ta="right">
                      {r.byChannel[c] || '—'}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('messaging.stats.total')}</Table.Th>
                <Table.Th ta="right">{stats.totals.contacts}</Table.Th>
                <Table.Th ta="right">{stats.totals.reached}</Table.Th>
                <Table.Th ta="right">{stats.totals.customers}</Table.Th>
                {channels.map((c) => (
                  <Table.Th key={c} ta="right">
                    {stats.totals.byChannel[c]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {[...stats.rows, null].map((r) => {
          const row = r ?? { ...stats.totals, userId: 'total', name: t('messaging.stats.total') };
          return (
            <Paper key={r?.userId ?? (r === null ? 'total' : 'automatic')} component="li" withBorder radius="md" p="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} style={{ minWidth: 0 }} truncate>
                  {r ? name(r) : t('messaging.stats.total')}
                </Text>
                <Text fw={700} size="lg">
                  {row.contacts}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t('messaging.stats.reached')} {row.reached} · {t('messaging.stats.rate', { rate: rate(row) })} ·{' '}
                {t('messaging.stats.customers')} {row.customers}
              </Text>
              <Group gap={6} mt={6}>
                {channels
                  .filter((c) => row.byChannel[c] > 0)
                  .map((c) => (
                    <Badge key={c} variant="light" color="gray">
                      {t(`messaging.channel.${c}`)} {row.byChannel[c]}
                    </Badge>
                  ))}
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </>
  );
}
