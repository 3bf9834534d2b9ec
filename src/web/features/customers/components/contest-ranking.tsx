import { Box, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { MetaLine } from '../../../components/meta-line';
import type { FileContestReport, FileContestRow } from '../api/file-contest';

// Gold, silver and bronze, dark enough for white digits (above 4.5:1).
const MEDAL = { 1: '#8a6d00', 2: '#5f6b76', 3: '#8a4f1d' } as const;

/** Gold, silver or bronze for the first three places; a guide with no file yet gets her place, no medal. */
export function Medal({
  rank,
  size = 32,
  hasFiles = true,
}: {
  rank: number | null;
  size?: number;
  hasFiles?: boolean;
}) {
  const { t } = useTranslation();
  if (rank === null) return <Text c="dimmed">–</Text>;
  const color = hasFiles ? MEDAL[rank as keyof typeof MEDAL] : undefined;
  if (!color)
    return (
      <Text fw={600} ta="center" w={size}>
        {rank}
      </Text>
    );
  return (
    <ThemeIcon
      radius="xl"
      size={size}
      color={color}
      role="img"
      aria-label={t('fileContest.placeLong', { rank })}
      className="contest-medal"
    >
      <Text span fw={700} size="sm" c="white" aria-hidden="true">
        {rank}
      </Text>
    </ThemeIcon>
  );
}

const guideName = (r: FileContestRow, t: (k: string) => string) => r.name ?? t('fileContest.unassigned');

/** The three best, side by side on a desktop, stacked on a phone. */
export function ContestPodium({ items }: { items: FileContestRow[] }) {
  const { t } = useTranslation();
  const top = items.filter((r) => r.rank !== null && r.rank <= 3 && r.customers > 0);
  if (!top.length) return null;
  return (
    // On a phone the ranked cards below carry the medals already; the podium is for the desktop and paper.
    <Box component="section" aria-labelledby="contest-podium" visibleFrom="sm" className="contest-podium">
      <Text fw={700} id="contest-podium" mb="xs">
        {t('fileContest.podium')}
      </Text>
      <SimpleGrid cols={3} spacing="sm">
        {top.map((r) => (
          <Paper key={r.userId} withBorder radius="md" p="md" data-testid="podium-place">
            <Group gap="sm" wrap="nowrap" align="center">
              <Medal rank={r.rank} size={44} />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={700} truncate>
                  {guideName(r, t)}
                </Text>
                <Text size="sm">{t('fileContest.points', { score: r.score })}</Text>
                <MetaLine
                  parts={[
                    t('fileContest.line.files', { count: r.customers }),
                    t('fileContest.line.average', { percent: r.averageCompleteness }),
                  ]}
                />
              </Stack>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </Box>
  );
}

type Props = { report: FileContestReport };

/** Everyone, ranked: a table on a desktop (and on paper), cards on a phone. */
export function ContestRanking({ report }: Props) {
  const { t } = useTranslation();
  const { items, rules } = report;
  const cols = {
    rich: t('fileContest.columns.rich', { percent: rules.richThreshold }),
    current: t('fileContest.columns.current', { days: rules.currentDays }),
  };
  return (
    <>
      <Box visibleFrom="sm" className="contest-table">
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm" fz="sm" data-testid="contest-table">
            <Table.Caption className="contest-caption">{t('fileContest.ranking')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('fileContest.columns.rank')}</Table.Th>
                <Table.Th>{t('fileContest.columns.guide')}</Table.Th>
                <Table.Th ta="right">{t('fileContest.columns.files')}</Table.Th>
                <Table.Th w={190}>{t('fileContest.columns.average')}</Table.Th>
                <Table.Th ta="right">{cols.rich}</Table.Th>
                <Table.Th ta="right">{cols.current}</Table.Th>
                <Table.Th ta="right">{t('fileContest.columns.score')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.userId ?? 'none'} c={r.userId ? undefined : 'dimmed'}>
                  <Table.Td>
                    <Medal rank={r.rank} hasFiles={r.customers > 0} />
                  </Table.Td>
                  <Table.Td fw={r.rank !== null && r.rank <= 3 ? 700 : undefined}>{guideName(r, t)}</Table.Td>
                  <Table.Td ta="right">{r.customers}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={r.averageCompleteness} w={100} aria-hidden="true" />
                      <Text size="sm">{r.averageCompleteness}%</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{r.richFiles}</Table.Td>
                  <Table.Td ta="right">{r.changedLast30Days}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {r.score}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack
        gap="xs"
        hiddenFrom="sm"
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        className="contest-cards"
      >
        {items.map((r) => (
          <Paper
            key={r.userId ?? 'none'}
            component="li"
            withBorder
            radius="md"
            p="sm"
            bg={r.userId ? undefined : 'gray.0'}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Medal rank={r.rank} hasFiles={r.customers > 0} />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={600} truncate>
                    {guideName(r, t)}
                  </Text>
                  <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {t('fileContest.points', { score: r.score })}
                  </Text>
                </Group>
                <Progress value={r.averageCompleteness} aria-hidden="true" />
                <MetaLine
                  parts={[
                    t('fileContest.line.files', { count: r.customers }),
                    t('fileContest.line.average', { percent: r.averageCompleteness }),
                    t('fileContest.line.rich', { count: r.richFiles }),
                    t('fileContest.line.current', { count: r.changedLast30Days }),
                  ]}
                />
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
      {items.some((r) => r.userId === null) && (
        <Group gap="xs" wrap="nowrap" align="flex-start" className="no-print">
          <Icon name="alert" size={18} />
          <Text size="sm" c="dimmed">
            {t('fileContest.unassignedHelp')}
          </Text>
        </Group>
      )}
    </>
  );
}
