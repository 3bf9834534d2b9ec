// /segments/:id — a saved segment: its customers now (by name, page by page), export, edit, delete.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { useSession } from '../../auth/api/get-me';
import { CustomerCard } from '../../customers/components/customer-card';
import { segmentExportUrl, useDeleteSegment, useSegment, useSegmentCustomers } from '../api/segments';

export function SegmentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const segment = useSegment(id);
  const customers = useSegmentCustomers(id);
  const remove = useDeleteSegment();
  const [confirming, setConfirming] = useState(false);
  if (segment.isPending) return <PageLoader />;
  if (segment.error) return <ErrorAlert error={segment.error} onRetry={() => void segment.refetch()} />;
  const s = segment.data;
  const count = customers.data?.pages[0]?.count;
  const items = customers.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Button
        component={Link}
        to="/segments?tab=saved"
        variant="subtle"
        size="xs"
        leftSection={<Icon name="arrowLeft" size={14} />}
        w="fit-content"
      >
        {t('segments.detail.back')}
      </Button>
      <PageHeader
        mb={0}
        title={s.name}
        description={
          count === undefined
            ? undefined
            : t('segments.detail.count', { count, formatted: count.toLocaleString(i18n.language) })
        }
        actions={
          <>
            <Button
              component="a"
              href={segmentExportUrl(s.id, 'csv')}
              variant="light"
              leftSection={<Icon name="download" size={16} />}
            >
              {t('segments.detail.exportCsv')}
            </Button>
            <Button
              component="a"
              href={segmentExportUrl(s.id, 'xlsx')}
              variant="subtle"
              leftSection={<Icon name="download" size={16} />}
            >
              {t('segments.detail.exportXlsx')}
            </Button>
            <Button
              component={Link}
              to={`/segments?edit=${s.id}`}
              variant="subtle"
              leftSection={<Icon name="edit" size={16} />}
            >
              {t('segments.detail.edit')}
            </Button>
            {s.canEdit && (
              <Button
                variant="subtle"
                color="red"
                onClick={() => setConfirming(true)}
                leftSection={<Icon name="trash" size={16} />}
              >
                {t('segments.detail.delete')}
              </Button>
            )}
          </>
        }
      />
      <Text size="xs" c="dimmed">
        {t('segments.detail.exportNote')}
      </Text>
      {customers.error && <ErrorAlert error={customers.error} onRetry={() => void customers.refetch()} />}
      {customers.isPending && <PageLoader />}
      {customers.data && items.length === 0 && <EmptyBlock title={t('segments.preview.none')} />}
      <Stack gap="xs">
        {items.map((c) => (
          <CustomerCard key={c.id} c={c} timeZone={session.currentStore?.timezone ?? 'UTC'} />
        ))}
      </Stack>
      {customers.hasNextPage && (
        <Group justify="center">
          <Button variant="light" loading={customers.isFetchingNextPage} onClick={() => void customers.fetchNextPage()}>
            {t('segments.detail.loadMore')}
          </Button>
        </Group>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('segments.detail.deleteTitle')}
        message={t('segments.detail.deleteMessage', { name: s.name })}
        confirmLabel={t('segments.detail.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(s.id, { onSuccess: () => navigate('/segments?tab=saved') })}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
