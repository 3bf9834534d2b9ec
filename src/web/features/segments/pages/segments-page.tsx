// /segments — build a segment with a live count and sample, save it, and the list of saved segments.
// /segments?edit=<id> opens a saved one in the builder.
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { emptyDefinition, type SegmentDefinition } from '../../../../contracts/segments';
import { FormModal } from '../../../components/form-modal';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { formatDate } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useSession } from '../../auth/api/get-me';
import { useSaveSegment, useSegment, useSegmentOptions, useSegmentPreview, useSegments } from '../api/segments';
import { completePart, countIncomplete } from '../components/definition';
import { GroupEditor } from '../components/group-editor';

export function SegmentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'saved' ? 'saved' : 'build';
  return (
    <Stack gap={0}>
      <PageHeader title={t('segments.page.title')} description={t('segments.page.description')} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'saved' ? { tab: 'saved' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="build" leftSection={<Icon name="edit" size={16} />}>
            {t('segments.page.build')}
          </Tabs.Tab>
          <Tabs.Tab value="saved" leftSection={<Icon name="listDetails" size={16} />}>
            {t('segments.page.saved')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="build">
          <Builder editId={params.get('edit')} />
        </Tabs.Panel>
        <Tabs.Panel value="saved">
          <SavedList />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Builder({ editId }: { editId: string | null }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const options = useSegmentOptions();
  const editing = useSegment(editId ?? '');
  const [definition, setDefinition] = useState<SegmentDefinition>(emptyDefinition);
  const [storeId, setStoreId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const save = useSaveSegment();

  useEffect(() => {
    if (editId && editing.data) {
      setDefinition(editing.data.definition);
      setStoreId(editing.data.storeId);
      setName(editing.data.name);
    }
  }, [editId, editing.data]);

  const live = useMemo(() => completePart(definition), [definition]);
  const [debounced] = useDebouncedValue(live, 350);
  const preview = useSegmentPreview(debounced, storeId);
  const incomplete = countIncomplete(definition);
  const timeZone = session.currentStore?.timezone ?? 'UTC';

  async function submit() {
    const saved = await save.mutateAsync({
      id: editId && editing.data?.canEdit ? editId : undefined,
      name: name.trim(),
      definition: live,
      storeId,
    });
    setSaving(false);
    navigate(`/segments/${saved.id}`);
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          {session.stores.length > 1 && (
            <Select
              label={t('segments.builder.store')}
              data={[
                { value: '', label: t('segments.builder.allMyStores') },
                ...session.stores.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` })),
              ]}
              value={storeId ?? ''}
              onChange={(v) => setStoreId(v || null)}
              maw={360}
              allowDeselect={false}
            />
          )}
          <GroupEditor value={definition} onChange={setDefinition} options={options.data} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder radius="md" padding="md" style={{ position: 'sticky', top: 72 }}>
          <Stack gap="sm">
            <Group justify="space-between" align="center">
              <div aria-live="polite" role="status">
                <Text size="sm" c="dimmed">
                  {t('segments.preview.title')}
                </Text>
                <Group gap="xs" align="baseline">
                  <Title order={2} data-testid="segment-count">
                    {preview.data ? preview.data.count.toLocaleString(i18n.language) : '—'}
                  </Title>
                  {preview.isFetching && <Loader size="xs" aria-label={t('segments.preview.counting')} />}
                </Group>
              </div>
              <Button
                onClick={() => setSaving(true)}
                leftSection={<Icon name="check" size={16} />}
                disabled={!live.conditions.length}
              >
                {t('segments.save.button')}
              </Button>
            </Group>
            {incomplete > 0 && (
              <Text size="xs" c="orange.8">
                {t('segments.preview.ignored', { count: incomplete })}
              </Text>
            )}
            {preview.error && <ErrorAlert error={preview.error} />}
            {preview.data && preview.data.sample.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('segments.preview.none')}
              </Text>
            )}
            {preview.data && preview.data.sample.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('segments.preview.sample', { count: preview.data.sample.length })}
                </Text>
                {preview.data.sample.map((c) => (
                  <UnstyledButton key={c.id} component={Link} to={`/customers/${c.id}`}>
                    <Group
                      justify="space-between"
                      wrap="nowrap"
                      py={4}
                      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                    >
                      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                        <Text size="sm" fw={600} truncate>
                          {c.displayName}
                        </Text>
                        {c.tier && (
                          <Badge size="xs" variant="light">
                            {tierLabel(options.data?.tiers, c.tier, i18n.language)}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {[c.phoneMasked, c.lastVisitAt && formatDate(c.lastVisitAt, i18n.language, timeZone)]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Group>
                  </UnstyledButton>
                ))}
              </Stack>
            )}
          </Stack>
        </Card>
      </Grid.Col>
      <FormModal
        opened={saving}
        title={t('segments.save.title')}
        submitLabel={t('segments.save.submit')}
        loading={save.isPending}
        formError={save.error ? translateMessage(t, problemMessage(save.error)) : null}
        onSubmit={() => void submit().catch(() => undefined)}
        onClose={() => setSaving(false)}
      >
        <TextInput
          label={t('segments.save.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          data-autofocus
          maxLength={80}
        />
        {editId && editing.data && !editing.data.canEdit && (
          <Alert color="blue" variant="light">
            {t('segments.save.asNew')}
          </Alert>
        )}
      </FormModal>
    </Grid>
  );
}

export function tierLabel(
  tiers: Array<{ key: string; labels: Record<string, string> }> | undefined,
  key: string,
  lng: string,
): string {
  const tier = tiers?.find((x) => x.key === key);
  return tier ? (tier.labels[lng] ?? tier.labels.en ?? key) : key;
}

function SavedList() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const list = useSegments();
  if (list.isPending) return <PageLoader />;
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data.items.length)
    return <EmptyBlock title={t('segments.list.empty')} description={t('segments.list.emptyHelp')} />;
  const storeName = (id: string | null) =>
    id ? (session.stores.find((s) => s.id === id)?.name ?? '') : t('segments.builder.allMyStores');
  return (
    <Stack gap="xs">
      {list.data.items.map((s) => (
        <UnstyledButton key={s.id} component={Link} to={`/segments/${s.id}`} aria-label={s.name}>
          <Card withBorder radius="md" padding="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={700}>{s.name}</Text>
                <Text size="sm" c="dimmed">
                  {[
                    storeName(s.storeId),
                    s.ownerName && t('segments.list.by', { name: s.ownerName }),
                    formatDate(s.updatedAt, i18n.language, session.currentStore?.timezone ?? 'UTC'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Stack gap={0} align="flex-end">
                <Text fw={700} size="lg">
                  {s.count?.toLocaleString(i18n.language) ?? '—'}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('segments.list.now')}
                </Text>
              </Stack>
            </Group>
          </Card>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
