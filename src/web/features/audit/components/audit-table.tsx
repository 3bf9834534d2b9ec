import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../contracts/audit';
import { formatDateTime } from '../../../lib/format';
import { actionLabel, actorLabel, detailsText, targetLabel, type NameBook } from './audit-labels';

type Props = { events: AuditEvent[]; names: NameBook; timeZone: string };

/** Desktop: one row per event. */
export function AuditTable({ events, names, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.columns.time')}</Table.Th>
            <Table.Th>{t('audit.columns.actor')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            <Table.Th>{t('audit.columns.target')}</Table.Th>
            <Table.Th>{t('audit.columns.details')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('audit.columns.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={e.at}>{formatDateTime(e.at, lng, timeZone)}</time>
              </Table.Td>
              <Table.Td>{actorLabel(t, e)}</Table.Td>
              <Table.Td fw={600}>{actionLabel(t, e.action)}</Table.Td>
              <Table.Td>{targetLabel(t, e, names)}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {detailsText(t, e, names, lng)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.ip ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
