import { Card, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, PURPOSES, type Customer } from '../../../../contracts/customers';
import { ErrorAlert } from '../../../components/query-state';
import { formatDate } from '../../../lib/format';
import { useRecordConsent } from '../api/customers';

/** Consent per channel and purpose; each switch records a dated, attributed change (opt-outs included). */
export function ConsentsCard({ c, timeZone }: { c: Customer; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const record = useRecordConsent(c.id);
  const current = (channel: string, purpose: string) =>
    c.consents.find((x) => x.channel === channel && x.purpose === purpose);
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('customers.consent.title')}
        </Title>
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.consent.channelHeader')}</Table.Th>
                {PURPOSES.map((p) => (
                  <Table.Th key={p}>{t(`customers.consent.purpose.${p}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CHANNELS.map((ch) => (
                <Table.Tr key={ch}>
                  <Table.Td>{t(`customers.consent.channel.${ch}`)}</Table.Td>
                  {PURPOSES.map((p) => {
                    const k = current(ch, p);
                    return (
                      <Table.Td key={p}>
                        <Switch
                          checked={k?.granted ?? false}
                          disabled={record.isPending || Boolean(c.erasedAt)}
                          aria-label={`${t(`customers.consent.channel.${ch}`)} · ${t(`customers.consent.purpose.${p}`)}`}
                          onChange={(e) =>
                            record.mutate({
                              channel: ch,
                              purpose: p,
                              granted: e.currentTarget.checked,
                              method: 'verbal',
                            })
                          }
                        />
                        {k && (
                          <Text size="xs" c="dimmed">
                            {formatDate(k.recordedAt, i18n.language, timeZone)}
                            {k.recordedByName ? ` · ${k.recordedByName}` : ''}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {record.isError && <ErrorAlert error={record.error} />}
      </Stack>
    </Card>
  );
}
