import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';

export type BandRow = { fromDay: number | string; toDay: number | string; percent: number | string };

/** Per row, the problem with it: the first day after the last, a percentage out of range, an overlap. */
export function bandProblems(rows: BandRow[]): Array<string | null> {
  return rows.map((b, i) => {
    const from = Number(b.fromDay);
    const to = Number(b.toDay);
    const pct = Number(b.percent);
    if (b.fromDay === '' || b.toDay === '' || b.percent === '') return 'errors:field.required';
    if (from > to) return 'afterSales.policy.bandOrder';
    if (pct < 0 || pct > 100) return 'afterSales.policy.bandPercent';
    const prev = rows[i - 1];
    if (prev && from <= Number(prev.toDay)) return 'afterSales.policy.bandOverlap';
    return null;
  });
}

/** The depreciation bands of seed 001 (5% within 30 days, 10% at 31–60, 20% at 61–90), editable. */
export function BandsEditor({
  rows,
  problems,
  onChange,
}: {
  rows: BandRow[];
  problems: Array<string | null>;
  onChange: (rows: BandRow[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, p: Partial<BandRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const last = rows.at(-1);
  const num = {
    allowDecimal: false,
    allowNegative: false,
    hideControls: true,
    inputMode: 'numeric' as const,
    size: 'sm' as const,
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id="bands-label">
        {t('afterSales.policy.bands')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('afterSales.policy.bandsHelp')}
      </Text>
      <Table aria-labelledby="bands-label" verticalSpacing={4} horizontalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('afterSales.policy.fromDay')}</Table.Th>
            <Table.Th>{t('afterSales.policy.toDay')}</Table.Th>
            <Table.Th>{t('afterSales.policy.percent')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <NumberInput
                  aria-label={t('afterSales.policy.fromDayOf', { n: i + 1 })}
                  value={r.fromDay}
                  onChange={(v) => set(i, { fromDay: v })}
                  error={problems[i] ? true : undefined}
                  {...num}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('afterSales.policy.toDayOf', { n: i + 1 })}
                  value={r.toDay}
                  onChange={(v) => set(i, { toDay: v })}
                  error={problems[i] ? true : undefined}
                  {...num}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('afterSales.policy.percentOf', { n: i + 1 })}
                  value={r.percent}
                  onChange={(v) => set(i, { percent: v })}
                  max={100}
                  decimalScale={1}
                  allowDecimal
                  hideControls
                  allowNegative={false}
                  size="sm"
                  rightSection="%"
                  error={problems[i] ? true : undefined}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  aria-label={t('afterSales.policy.removeBand', { n: i + 1 })}
                >
                  <Icon name="trash" size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {problems.map((p, i) =>
        p ? (
          <Text key={i} size="xs" c="var(--mantine-color-error)" role="alert">
            {t('afterSales.policy.bandProblem', { n: i + 1, problem: t(p) })}
          </Text>
        ) : null,
      )}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<Icon name="plus" size={16} />}
          onClick={() =>
            onChange([
              ...rows,
              { fromDay: last ? Number(last.toDay) + 1 : 0, toDay: last ? Number(last.toDay) + 30 : 30, percent: '' },
            ])
          }
        >
          {t('afterSales.policy.addBand')}
        </Button>
      </Group>
    </Stack>
  );
}
