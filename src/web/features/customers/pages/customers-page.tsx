import { Button, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { ExportButton } from '../../imports/components/export-button';
import { useCustomerSearch } from '../api/customers';
import { CustomerCard } from '../components/customer-card';

export function CustomersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [q, setQ] = useState('');
  const [mine, setMine] = useState<'all' | 'mine'>(me.user.role === 'staff' ? 'mine' : 'all');
  const [storeId, setStoreId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q, 250);
  const filter = { q: debounced, storeId, ownerUserId: mine === 'mine' ? me.user.id : null };
  const search = useCustomerSearch(filter);
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  const timeZone = me.currentStore?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        mb={0}
        actions={
          <Group gap="xs">
            {can(me.user.role, 'staff') && (
              <Button
                variant="default"
                component={Link}
                to="/customers/import"
                leftSection={<Icon name="download" size={18} />}
              >
                {t('customers.import')}
              </Button>
            )}
            <ExportButton
              q={debounced || undefined}
              storeId={storeId ?? undefined}
              ownerUserId={filter.ownerUserId ?? undefined}
            />
            <Button component={Link} to="/customers/new" leftSection={<Icon name="plus" size={18} />}>
              {t('customers.create')}
            </Button>
          </Group>
        }
      />
      <TextInput
        size="md"
        type="search"
        label={t('customers.searchLabel')}
        placeholder={t('customers.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        autoFocus
      />
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          value={mine}
          onChange={(v) => setMine(v as 'all' | 'mine')}
          data={[
            { value: 'mine', label: t('customers.filterMine') },
            { value: 'all', label: t('customers.filterAll') },
          ]}
          aria-label={t('customers.filterOwner')}
        />
        {me.stores.length > 1 && (
          <Select
            aria-label={t('customers.filterStore')}
            placeholder={t('customers.allStores')}
            clearable
            value={storeId}
            onChange={setStoreId}
            data={me.stores.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Group>
      {search.isPending ? (
        <PageLoader />
      ) : search.isError ? (
        <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon="users"
          title={debounced ? t('customers.noMatch', { q: debounced }) : t('customers.empty')}
          description={t('customers.emptyHelp')}
        >
          <Button
            component={Link}
            to={debounced ? `/customers/new?name=${encodeURIComponent(debounced)}` : '/customers/new'}
            mt="md"
          >
            {debounced ? t('customers.createNamed', { name: debounced }) : t('customers.createFirst')}
          </Button>
        </EmptyBlock>
      ) : (
        <Stack gap="sm" aria-live="polite">
          {items.map((c) => (
            <CustomerCard key={c.id} c={c} timeZone={timeZone} />
          ))}
          {search.hasNextPage && (
            <Button variant="default" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
              {t('customers.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
