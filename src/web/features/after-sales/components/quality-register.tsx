import { Badge, Box, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MetaLine } from '../../../components/meta-line';
import { formatDate } from '../../../lib/format';
import type { QualityFollowup } from '../api/registers';

/** The quality follow-up and opinion register: a table on a desktop, cards on a phone. */
export function QualityRegister({ items, timeZone }: { items: QualityFollowup[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const kind = (k: string) => t(`registers.quality.kinds.${k}`, { defaultValue: k });
  const stars = (n: number | null) => (n ? `${'★'.repeat(n)}${'☆'.repeat(5 - n)}` : '—');
  return (
    <>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registers.quality.date')}</Table.Th>
                <Table.Th>{t('registers.quality.kind')}</Table.Th>
                <Table.Th>{t('registers.quality.customer')}</Table.Th>
                <Table.Th>{t('registers.quality.styleNo')}</Table.Th>
                <Table.Th>{t('registers.quality.rating')}</Table.Th>
                <Table.Th>{t('registers.quality.opinion')}</Table.Th>
                <Table.Th>{t('registers.quality.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(q.at, i18n.language, timeZone)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{kind(q.kind)}</Badge>
                  </Table.Td>
                  <Table.Td>{q.customerName ?? '—'}</Table.Td>
                  <Table.Td>{q.styleNo ?? '—'}</Table.Td>
                  <Table.Td
                    aria-label={q.rating ? t('registers.quality.stars', { count: q.rating }) : undefined}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {stars(q.rating)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{q.opinion}</Table.Td>
                  <Table.Td>{q.byName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((q) => (
          <Paper key={q.id} component="li" withBorder radius="md" p="sm">
            <Badge variant="light">{kind(q.kind)}</Badge>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {q.opinion}
            </Text>
            <MetaLine
              parts={[
                formatDate(q.at, i18n.language, timeZone),
                q.customerName,
                q.styleNo,
                q.rating ? stars(q.rating) : null,
                q.byName,
              ]}
            />
          </Paper>
        ))}
      </Stack>
    </>
  );
}
