import { Box, Button, Center, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { useSession } from '../../auth/api/get-me';
import { useRegions } from '../../stores/api/regions';
import { useStores } from '../../stores/api/stores';
import { useTokens } from '../../tokens/api/tokens';
import { useUsers } from '../../users/api/users';
import { useAuditEvents, type AuditFilter } from '../api/audit';
import { AuditCards } from '../components/audit-cards';
import { AuditFilters, EMPTY_AUDIT_FILTER } from '../components/audit-filters';
import type { NameBook } from '../components/audit-labels';
import { AuditTable } from '../components/audit-table';

/** Owner and head office: who did what, newest first, a page at a time. */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const events = useAuditEvents(filter);
  const users = useUsers({ storeId: null, includeInactive: true });
  const stores = useStores();
  const regions = useRegions();
  const tokens = useTokens(me.user.role === 'owner');
  const names: NameBook = useMemo(
    () =>
      new Map([
        ...(users.data?.items ?? []).map((u) => [u.id, u.displayName] as const),
        ...(stores.data?.items ?? []).map((s) => [s.id, s.name] as const),
        ...(regions.data?.items ?? []).map((r) => [r.id, r.name] as const),
        ...(tokens.data?.items ?? []).map((tk) => [tk.id, tk.name] as const),
      ]),
    [users.data, stores.data, regions.data, tokens.data],
  );
  const timeZone = me.currentStore?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const list = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap={0}>
      <PageHeader title={t('audit.title')} description={t('audit.description', { zone: timeZone })} />
      <AuditFilters value={filter} onChange={setFilter} />
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : list.length === 0 ? (
        <EmptyBlock icon="history" title={t('audit.empty')} description={t('audit.emptyHelp')} />
      ) : (
        <>
          <Box visibleFrom="sm">
            <AuditTable events={list} names={names} timeZone={timeZone} />
          </Box>
          <Box hiddenFrom="sm">
            <AuditCards events={list} names={names} timeZone={timeZone} />
          </Box>
          <Center mt="md">
            {events.hasNextPage ? (
              <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                {t('audit.loadMore')}
              </Button>
            ) : (
              <span role="status">{t('audit.end')}</span>
            )}
          </Center>
        </>
      )}
    </Stack>
  );
}
