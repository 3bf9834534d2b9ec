import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import {
  IGNORE,
  IMPORT_FIELDS,
  type ColumnMapping,
  type ColumnTarget,
  type ImportPreview,
} from '../../../../contracts/imports';
import { Icon } from '../../../components/icons';

type Props = {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
  onBack: () => void;
  onCheck: () => void;
  checking: boolean;
};

const SAMPLES = 3;

/** Problems the server would refuse the mapping for, shown before the user asks. */
function mappingProblem(mapping: ColumnMapping): 'noName' | 'nameTwice' | 'duplicate' | null {
  const has = (f: ColumnTarget) => mapping.includes(f);
  if (!has('name') && !has('familyName')) return 'noName';
  if (has('name') && (has('familyName') || has('givenName'))) return 'nameTwice';
  const single = mapping.filter((f) => f !== IGNORE && f !== 'phone');
  return new Set(single).size === single.length ? null : 'duplicate';
}

/** Step 2: what was detected, and a select per column with the canonical fields. */
export function MappingStep({ preview, mapping, onChange, onBack, onCheck, checking }: Props) {
  const { t } = useTranslation();
  const options = [IGNORE, ...IMPORT_FIELDS].map((f) => ({ value: f, label: t(`imports.fields.${f}`) }));
  const problem = mappingProblem(mapping);
  const set = (i: number, target: ColumnTarget) => onChange(mapping.map((m, j) => (j === i ? target : m)));
  const isPhone = useMediaQuery('(max-width: 48em)');
  const samplesOf = (i: number) =>
    preview.rows
      .slice(0, SAMPLES)
      .map((r) => r.cells[i])
      .filter(Boolean)
      .join(' · ');
  const selectFor = (i: number, header: string) => (
    <Select
      aria-label={t('imports.targetFor', { column: header || i + 1 })}
      data={options}
      value={mapping[i] ?? IGNORE}
      onChange={(v) => set(i, (v ?? IGNORE) as ColumnTarget)}
      allowDeselect={false}
      searchable
    />
  );

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" size="lg">
          {t('imports.format')}: {preview.format.toUpperCase()}
        </Badge>
        {preview.encoding && (
          <Badge variant="light" size="lg">
            {t('imports.encoding')}: {t(`imports.encodings.${preview.encoding}`, { defaultValue: preview.encoding })}
          </Badge>
        )}
        <Badge variant="light" color="gray" size="lg">
          {t('imports.rows', { count: preview.total })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('imports.mappingHelp')}
      </Text>
      {isPhone ? (
        <Stack gap="sm">
          {preview.headers.map((header, i) => (
            <Paper key={`${i}-${header}`} withBorder p="sm" radius="md">
              <Text fw={600}>{header || t('imports.untitled', { n: i + 1 })}</Text>
              <Text size="sm" c="dimmed" lineClamp={2} mb="xs">
                {samplesOf(i)}
              </Text>
              {selectFor(i, header)}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.column')}</Table.Th>
                <Table.Th>{t('imports.sample')}</Table.Th>
                <Table.Th w={260}>{t('imports.target')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.headers.map((header, i) => (
                <Table.Tr key={`${i}-${header}`}>
                  <Table.Td fw={600}>{header || t('imports.untitled', { n: i + 1 })}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {samplesOf(i)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{selectFor(i, header)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {problem && (
        <Alert color="orange" variant="light" icon={<Icon name="alert" />} role="alert">
          {t(`imports.mappingProblems.${problem}`)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button onClick={onCheck} loading={checking} disabled={problem !== null}>
          {t('imports.check')}
        </Button>
      </Group>
    </Stack>
  );
}
