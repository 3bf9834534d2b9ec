import { Anchor, Badge, Box, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RepairTicket } from '../../../../contracts/after-sales';
import { MetaLine } from '../../../components/meta-line';
import { formatMoney } from '../../../lib/format';
import { formatDay } from '../../purchases/lib/dates';

/** The repair register: a table on a desktop, cards on a phone. */
export function RepairRegister({ items }: { items: RepairTicket[] }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  const rule = (r: RepairTicket) => (r.assessment ? t(`afterSales.rules.${r.assessment.rule}.name`) : '—');
  const charge = (r: RepairTicket) => (r.assessment ? formatMoney(r.charge, r.currency, i18n.language) : '—');
  return (
    <>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registers.repairs.ticket')}</Table.Th>
                <Table.Th>{t('registers.repairs.reported')}</Table.Th>
                <Table.Th>{t('registers.repairs.customer')}</Table.Th>
                <Table.Th>{t('registers.repairs.item')}</Table.Th>
                <Table.Th>{t('registers.repairs.fault')}</Table.Th>
                <Table.Th>{t('registers.repairs.status')}</Table.Th>
                <Table.Th>{t('registers.repairs.rule')}</Table.Th>
                <Table.Th ta="right">{t('registers.repairs.charge')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/repairs/${r.id}`}>
                      {r.ticketNo}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{day(r.reportedOn)}</Table.Td>
                  <Table.Td>{r.customerName}</Table.Td>
                  <Table.Td>{r.itemDescription}</Table.Td>
                  <Table.Td>{r.fault}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`afterSales.status.${r.status}`)}</Table.Td>
                  <Table.Td>{rule(r)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {charge(r)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((r) => (
          <Paper key={r.id} component="li" withBorder radius="md" p="sm">
            <Anchor component={Link} to={`/repairs/${r.id}`} fw={600}>
              {r.ticketNo}
            </Anchor>{' '}
            <Badge variant="light">{t(`afterSales.status.${r.status}`)}</Badge>
            <Text size="sm">
              {r.customerName} · {r.itemDescription}
            </Text>
            <MetaLine parts={[day(r.reportedOn), r.fault, r.assessment ? `${rule(r)} ${charge(r)}` : null]} />
          </Paper>
        ))}
      </Stack>
    </>
  );
}
