import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { useDeleteTag, useTags, type Tag } from '../api/tags';
import { TagBadge } from '../components/tag-badge';
import { TagFormModal } from '../components/tag-form-modal';
import { deleteTagMessage, sortTags } from '../lib/tags';

/** /settings/tags — managers keep the organisation's customer tags: create, rename, recolour, delete. */
export function TagsPage() {
  const { t, i18n } = useTranslation();
  const tags = useTags();
  const remove = useDeleteTag();
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const list = sortTags(tags.data?.items ?? [], i18n.language);
  const confirm = deleting ? deleteTagMessage(deleting) : null;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('tags.manage.title')}
        description={t('tags.manage.description')}
        actions={
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setEditing('new')}>
            {t('tags.manage.add')}
          </Button>
        }
      />
      {tags.isPending ? (
        <PageLoader />
      ) : tags.isError ? (
        <ErrorAlert error={tags.error} onRetry={() => void tags.refetch()} />
      ) : list.length === 0 ? (
        <EmptyBlock icon="tag" title={t('tags.manage.empty')} description={t('tags.manage.emptyHelp')} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.map((tag) => (
            <Paper key={tag.id} component="li" withBorder radius="md" p="md" data-testid="tag-row">
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Stack gap={4} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <div>
                    <TagBadge name={tag.name} colour={tag.colour} maw="100%" />
                  </div>
                  <Text size="sm" c="dimmed">
                    {t('tags.manage.customers', { count: tag.customers })}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<Icon name="edit" size={16} />}
                    onClick={() => setEditing(tag)}
                    aria-label={t('tags.manage.editAction', { name: tag.name })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    c="red.9"
                    leftSection={<Icon name="trash" size={16} />}
                    onClick={() => {
                      remove.reset();
                      setDeleting(tag);
                    }}
                    aria-label={t('tags.manage.deleteAction', { name: tag.name })}
                  >
                    {t('tags.manage.delete')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {editing && <TagFormModal tag={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('tags.manage.deleteTitle')}
        message={confirm ? t(confirm.key, confirm.params) : ''}
        confirmLabel={t('tags.manage.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
