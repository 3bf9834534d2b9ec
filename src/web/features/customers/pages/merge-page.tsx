import { Anchor, Button, Card, Group, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { useCustomer, useCustomerSearch, useMerge, useMergePreview } from '../api/customers';

const show = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Two files of the same person become one; field by field the manager chooses what stays. */
export function MergePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const survivor = useCustomer(id);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const search = useCustomerSearch({ q: debounced, storeId: null, ownerUserId: null });
  const [otherId, setOtherId] = useState<string | null>(null);
  const preview = useMergePreview(id, otherId);
  const merge = useMerge(id);
  const [take, setTake] = useState<Record<string, 'survivor' | 'other'>>({});
  if (survivor.isPending) return <PageLoader />;
  if (survivor.isError) return <ErrorAlert error={survivor.error} />;
  const candidates = (search.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => c.id !== id);

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/customers/${id}`} size="sm">
        ← {survivor.data.displayName}
      </Anchor>
      <Title order={1}>{t('customers.merge.title', { name: survivor.data.displayName })}</Title>
      <Text c="dimmed">{t('customers.merge.help')}</Text>
      {!otherId && (
        <Stack gap="xs">
          <TextInput
            label={t('customers.merge.find')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            autoFocus
          />
          {debounced &&
            candidates.map((c) => (
              <Card key={c.id} withBorder padding="sm">
                <Group justify="space-between">
                  <Text>
                    {c.displayName} {c.phoneMasked ? `· ${c.phoneMasked}` : ''} {c.memberNo ? `· ${c.memberNo}` : ''}
                  </Text>
                  <Button size="compact-sm" onClick={() => setOtherId(c.id)}>
                    {t('customers.merge.choose')}
                  </Button>
                </Group>
              </Card>
            ))}
        </Stack>
      )}
      {otherId && preview.isPending && <PageLoader />}
      {otherId && preview.isError && <ErrorAlert error={preview.error} />}
      {otherId && preview.data && (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customers.merge.field')}</Table.Th>
                  <Table.Th>{t('customers.merge.keep')}</Table.Th>
                  <Table.Th>{t('customers.merge.take')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.data.fields.map((f) => (
                  <Table.Tr key={f.field}>
                    <Table.Td>
                      {t(`customers.historyField.${f.field.replace(/^(profile|custom)\./, '')}`, {
                        defaultValue: f.field,
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Radio
                        name={f.field}
                        label={show(f.survivor)}
                        checked={take[f.field] !== 'other'}
                        disabled={!f.differs}
                        onChange={() => setTake({ ...take, [f.field]: 'survivor' })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Radio
                        name={f.field}
                        label={show(f.other)}
                        checked={take[f.field] === 'other'}
                        disabled={!f.differs}
                        onChange={() => setTake({ ...take, [f.field]: 'other' })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm">
            {t('customers.merge.phones', {
              phones: [...preview.data.phones.survivor, ...preview.data.phones.other].join(', ') || '—',
            })}
          </Text>
          {merge.isError && <ErrorAlert error={merge.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOtherId(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.8"
              loading={merge.isPending}
              onClick={() => merge.mutate({ otherId, take }, { onSuccess: (c) => navigate(`/customers/${c.id}`) })}
            >
              {t('customers.merge.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
