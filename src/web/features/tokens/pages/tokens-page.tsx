import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../contracts/tokens';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/page-header';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { useSession } from '../../auth/api/get-me';
import { useRevokeToken, useTokens } from '../api/tokens';
import { TokenCreateModal } from '../components/token-create-modal';
import { TokenList } from '../components/token-list';
import { TokenSecretModal } from '../components/token-secret-modal';

type Dialog =
  { kind: 'create' } | { kind: 'secret'; name: string; secret: string } | { kind: 'revoke'; token: ApiToken } | null;

export function TokensPage() {
  const { t } = useTranslation();
  const me = useSession();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => {
    setDialog(null);
    revoke.reset();
  };
  const timeZone = me.currentStore?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        actions={
          <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setDialog({ kind: 'create' })}>
            {t('tokens.create')}
          </Button>
        }
      />
      {tokens.isPending ? (
        <PageLoader />
      ) : tokens.isError ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyBlock icon="key" title={t('tokens.empty')} description={t('tokens.emptyHelp')} />
      ) : (
        <TokenList
          tokens={tokens.data.items}
          stores={me.stores}
          timeZone={timeZone}
          onRevoke={(token) => setDialog({ kind: 'revoke', token })}
        />
      )}
      {dialog?.kind === 'create' && (
        <TokenCreateModal
          onClose={close}
          onCreated={(c) => setDialog({ kind: 'secret', name: c.name, secret: c.token })}
        />
      )}
      {dialog?.kind === 'secret' && <TokenSecretModal name={dialog.name} secret={dialog.secret} onClose={close} />}
      {dialog?.kind === 'revoke' && (
        <ConfirmDialog
          opened
          danger
          title={t('tokens.revokeTitle', { name: dialog.token.name })}
          message={t('tokens.revokeMessage')}
          confirmLabel={t('tokens.revoke')}
          loading={revoke.isPending}
          error={revoke.error}
          onClose={close}
          onConfirm={() => revoke.mutate(dialog.token.id, { onSuccess: close })}
        />
      )}
    </Stack>
  );
}
