import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Locale } from '../../../../contracts/common';
import { formatLunarDate } from '../../../../domain/lunar';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { useSession } from '../../auth/api/get-me';
import { useCustomer } from '../api/customers';

/** The paper copy of a customer file (seed 003): essentials only, contacts masked. */
export function PrintCardPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useSession();
  const customer = useCustomer(id);
  if (customer.isPending) return <PageLoader />;
  if (customer.isError) return <ErrorAlert error={customer.error} />;
  const c = customer.data;
  const p = c.profile;
  const store = me.stores.find((s) => s.id === c.storeId);
  const rows: Array<[string, string | null | undefined]> = [
    [t('customers.field.reading'), c.reading],
    [t('customers.field.memberNo'), c.memberNo],
    [t('customers.field.phone'), c.phones.map((x) => x.masked).join(', ')],
    [
      t('customers.field.birthday'),
      c.lunarBirthday
        ? formatLunarDate(
            c.lunarBirthday.month,
            c.lunarBirthday.day,
            c.lunarBirthday.isLeapMonth,
            i18n.language as Locale,
          )
        : c.birthday,
    ],
    [t('customers.field.clothingSize'), [p.clothingSize, p.shoeSize].filter(Boolean).join(' / ')],
    [t('customers.field.stylePreferences'), p.stylePreferences?.join(', ')],
    [t('customers.field.colourPreferences'), p.colourPreferences?.join(', ')],
    [t('customers.field.hobbies'), p.hobbies?.join(', ')],
    [
      t('customers.field.family'),
      p.family
        ?.map((f) =>
          [t(`customers.relation.${f.relation}`), f.name, f.age != null ? t('customers.age', { age: f.age }) : null]
            .filter(Boolean)
            .join(' '),
        )
        .join('; '),
    ],
    [t('customers.field.notes'), p.notes],
    [t('customers.owner'), c.owner?.name],
  ];
  return (
    <Stack component="main" gap="md" className="print-card" maw={640} mx="auto" p="md">
      <Group justify="space-between" className="no-print">
        <Text c="dimmed">{t('customers.printHelp')}</Text>
        <Button onClick={() => window.print()}>{t('customers.print')}</Button>
      </Group>
      <Title order={1}>{c.displayName}</Title>
      <Text>
        {store?.name} · {t('customers.completeness')} {c.completeness}%
      </Text>
      <Table withTableBorder withColumnBorders>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w="30%">{k}</Table.Th>
              <Table.Td>{v || ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
