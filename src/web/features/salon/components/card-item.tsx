import { Badge, Button, Collapse, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { MetaLine } from '../../../components/meta-line';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { formatDay } from '../../purchases/lib/dates';
import type { PrepaidCard } from '../api/get-cards';

type Props = {
  card: PrepaidCard;
  timeZone: string;
  serviceName: string | null;
  canAdjust: boolean;
  onAdjust: () => void;
};

/** One prepaid card: what is left, until when, and every entry of its ledger. */
export function CardItem({ card, timeZone, serviceName, canAdjust, onAdjust }: Props) {
  const { t, i18n } = useTranslation();
  const [showLedger, ledger] = useDisclosure(false);
  const money = (n: number) => formatMoney(n, card.currency, i18n.language);
  const issued = card.ledger
    .filter((e) => e.entry === 'issue')
    .reduce((s, e) => s + (card.kind === 'count' ? e.countDelta : e.valueDelta), 0);
  const isEmpty = card.kind === 'count' ? card.balance.count <= 0 : card.balance.value <= 0;
  const ledgerId = `ledger-${card.id}`;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="md"
      bg={card.isExpired || isEmpty ? 'gray.0' : undefined}
      aria-label={card.name}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{card.name}</Text>
            <Badge variant={card.kind === 'count' ? 'light' : 'outline'}>{t(`salon.cardKind.${card.kind}`)}</Badge>
            {card.isExpired && (
              <Badge variant="filled" color="gray.7">
                {t('salon.card.expired')}
              </Badge>
            )}
          </Group>
          <MetaLine
            parts={[
              serviceName && !card.name.includes(serviceName) ? serviceName : null,
              t('salon.card.paid', { amount: money(card.pricePaid) }),
              card.expiresOn
                ? t('salon.card.expires', { date: formatDay(card.expiresOn, i18n.language) })
                : t('salon.card.noExpiry'),
            ]}
          />
        </Stack>
        <Stack gap={0} align="flex-end" style={{ flex: 'none' }}>
          <Text fw={700} fz="xl" data-testid="card-balance">
            {card.kind === 'count'
              ? t('salon.card.countLeft', { count: card.balance.count })
              : money(card.balance.value)}
          </Text>
          <Text size="xs" c="dimmed">
            {card.kind === 'count'
              ? t('salon.card.ofCount', { count: issued })
              : t('salon.card.ofValue', { amount: money(issued) })}
          </Text>
        </Stack>
      </Group>
      <Group gap="xs" mt="xs">
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={ledger.toggle}
          aria-expanded={showLedger}
          aria-controls={ledgerId}
        >
          {showLedger ? t('salon.card.hideLedger') : t('salon.card.showLedger', { count: card.ledger.length })}
        </Button>
        {canAdjust && (
          <Button size="compact-sm" variant="subtle" onClick={onAdjust}>
            {t('salon.card.adjust')}
          </Button>
        )}
      </Group>
      <Collapse expanded={showLedger} id={ledgerId}>
        <Table.ScrollContainer minWidth={360} mt="xs">
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('salon.ledger.when')}</Table.Th>
                <Table.Th>{t('salon.ledger.entry')}</Table.Th>
                <Table.Th ta="right">{t('salon.ledger.change')}</Table.Th>
                <Table.Th>{t('salon.ledger.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.ledger.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, i18n.language, timeZone)}</Table.Td>
                  <Table.Td>
                    {t(`salon.ledger.kinds.${e.entry}`, { defaultValue: e.entry })}
                    {e.note ? ` · ${e.note}` : ''}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {card.kind === 'count'
                      ? e.countDelta > 0
                        ? `+${e.countDelta}`
                        : e.countDelta
                      : (e.valueDelta > 0 ? '+' : '') + money(e.valueDelta)}
                  </Table.Td>
                  <Table.Td>{e.byName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </Paper>
  );
}
