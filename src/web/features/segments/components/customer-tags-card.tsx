import { Alert, Anchor, Button, Card, CloseButton, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/query-state';
import { can } from '../../../lib/permissions';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useSession } from '../../auth/api/get-me';
import { useCustomerTags, useSetCustomerTag, useTags, type TagRef } from '../api/tags';
import { addableTagOptions, sortTags } from '../lib/tags';
import { TagBadge } from './tag-badge';

/** "Tags" on the customer page: her tags as coloured badges, a picker to add one, × to take one off (with undo). */
export function CustomerTagsCard({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const carried = useCustomerTags(customerId);
  const all = useTags();
  const change = useSetCustomerTag(customerId);
  const [removed, setRemoved] = useState<TagRef | null>(null);
  const [search, setSearch] = useState('');
  const list = sortTags(carried.data?.items ?? [], i18n.language);
  const options = addableTagOptions(all.data?.items ?? [], list, i18n.language);
  const noTagsAtAll = all.isSuccess && all.data.items.length === 0;

  function add(tagId: string | null) {
    setSearch('');
    if (!tagId) return;
    setRemoved(null);
    change.mutate({ tagId, on: true });
  }
  function remove(tag: TagRef) {
    change.mutate({ tagId: tag.id, on: false }, { onSuccess: () => setRemoved(tag) });
  }
  function undo() {
    if (!removed) return;
    change.mutate({ tagId: removed.id, on: true }, { onSuccess: () => setRemoved(null) });
  }

  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-tags-card">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('tags.card.title')}
        </Title>
        {carried.isError ? (
          <ErrorAlert error={carried.error} onRetry={() => void carried.refetch()} />
        ) : carried.isPending ? (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('tags.card.empty')}
          </Text>
        ) : (
          <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('tags.card.title')}>
            {list.map((tag) => (
              <li key={tag.id} style={{ maxWidth: '100%' }}>
                <TagBadge
                  name={tag.name}
                  colour={tag.colour}
                  maw="100%"
                  pr={3}
                  rightSection={
                    <CloseButton
                      size="xs"
                      variant="transparent"
                      c="inherit"
                      disabled={change.isPending}
                      aria-label={t('tags.card.remove', { name: tag.name })}
                      onClick={() => remove(tag)}
                    />
                  }
                />
              </li>
            ))}
          </Group>
        )}
        {removed && (
          <Group gap="xs" wrap="wrap" role="status">
            <Text size="sm">{t('tags.card.removed', { name: removed.name })}</Text>
            <Button size="compact-sm" variant="subtle" onClick={undo} loading={change.isPending}>
              {t('tags.card.undo')}
            </Button>
          </Group>
        )}
        {change.isError && (
          <Alert color="red" variant="light" role="alert">
            {translateMessage(t, problemMessage(change.error))}
          </Alert>
        )}
        {all.isError ? (
          <ErrorAlert error={all.error} onRetry={() => void all.refetch()} />
        ) : noTagsAtAll ? (
          <Text size="sm" c="dimmed">
            {can(user.role, 'tags') ? (
              <Anchor component={Link} to="/settings/tags" size="sm">
                {t('tags.card.createFirst')}
              </Anchor>
            ) : (
              t('tags.card.noneYet')
            )}
          </Text>
        ) : (
          <Select
            aria-label={t('tags.card.add')}
            placeholder={t(all.isSuccess && options.length === 0 ? 'tags.card.allCarried' : 'tags.card.add')}
            data={options}
            value={null}
            onChange={add}
            searchValue={search}
            onSearchChange={setSearch}
            searchable
            clearable={false}
            disabled={all.isPending || change.isPending || options.length === 0}
            nothingFoundMessage={t('tags.card.noMatch')}
            comboboxProps={{ withinPortal: true }}
            data-testid="customer-tag-picker"
          />
        )}
      </Stack>
    </Card>
  );
}
