import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/org';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { useSession } from '../../auth/api/get-me';
import { useUpdateUser, useUsers, type UserFilter } from '../api/users';
import { PasswordResetModal } from '../components/password-reset-modal';
import type { UserAction } from '../components/user-actions-menu';
import { UserFilters } from '../components/user-filters';
import { UserFormModal } from '../components/user-form-modal';
import { UserList } from '../components/user-list';
import { ReassignModal } from '../../customers/components/reassign-modal';

type Dialog = { kind: 'create' } | { kind: UserAction; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [filter, setFilter] = useState<UserFilter>({ storeId: null, includeInactive: false });
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers(filter);
  const setActive = useUpdateUser();
  const close = () => {
    setDialog(null);
    setActive.reset();
  };
  const timeZone = me.currentStore?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      <UserFilters stores={me.stores} value={filter} onChange={setFilter} />
      {users.isPending ? (
        <PageLoader />
      ) : users.isError ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyBlock icon="users" title={t('users.empty')} description={t('users.emptyHelp')} />
      ) : (
        <UserList
          users={users.data.items}
          stores={me.stores}
          me={{ id: me.user.id, role: me.user.role }}
          timeZone={timeZone}
          onAction={(user, kind) => setDialog({ kind, user })}
        />
      )}
      {dialog?.kind === 'create' && <UserFormModal user={null} onClose={close} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'password' && <PasswordResetModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reassign' && (
        <ReassignModal from={dialog.user} colleagues={users.data?.items ?? []} onClose={close} />
      )}
      {(dialog?.kind === 'deactivate' || dialog?.kind === 'reactivate') && (
        <ConfirmDialog
          opened
          danger={dialog.kind === 'deactivate'}
          title={t(`users.${dialog.kind}Title`, { name: dialog.user.displayName })}
          message={t(`users.${dialog.kind}Message`)}
          confirmLabel={t(`users.${dialog.kind}`)}
          loading={setActive.isPending}
          error={setActive.error}
          onClose={close}
          onConfirm={() =>
            setActive.mutate(
              { id: dialog.user.id, body: { isActive: dialog.kind === 'reactivate' } },
              { onSuccess: close },
            )
          }
        />
      )}
    </Stack>
  );
}
