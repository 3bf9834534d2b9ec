import { Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreSummary } from '../../../../contracts/auth';
import type { ApiToken } from '../../../../contracts/tokens';
import { formatDateTime } from '../../../lib/format';

type Props = { tokens: ApiToken[]; stores: StoreSummary[]; timeZone: string; onRevoke: (t: ApiToken) => void };

export function TokenList({ tokens, stores, timeZone, onRevoke }: Props) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {tokens.map((tk) => {
        const scope = tk.storeId ? (stores.find((s) => s.id === tk.storeId)?.name ?? tk.storeId) : t('tokens.orgWide');
        return (
          <Paper key={tk.id} component="li" withBorder radius="md" p="md" bg={tk.revokedAt ? 'gray.0' : undefined}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{tk.name}</Text>
                  <Code>{tk.prefix}…</Code>
                  {tk.revokedAt && (
                    <Badge variant="filled" color="gray.7">
                      {t('tokens.revoked')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {scope}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('tokens.createdAt', { when: when(tk.createdAt) })} ·{' '}
                  {tk.lastUsedAt ? t('tokens.lastUsed', { when: when(tk.lastUsedAt) }) : t('tokens.neverUsed')}
                  {tk.revokedAt && ` · ${t('tokens.revokedAt', { when: when(tk.revokedAt) })}`}
                </Text>
              </Stack>
              {!tk.revokedAt && (
                <Button
                  variant="outline"
                  color="red.8"
                  size="xs"
                  onClick={() => onRevoke(tk)}
                  aria-label={t('tokens.revokeTitle', { name: tk.name })}
                  style={{ flex: 'none' }}
                >
                  {t('tokens.revoke')}
                </Button>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
