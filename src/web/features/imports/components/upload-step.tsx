import { Alert, Button, FileButton, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreSummary } from '../../../../contracts/auth';
import type { UploadResult } from '../../../../contracts/imports';
import { Icon } from '../../../components/icons';
import { isApiError } from '../../../lib/api-client';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { MAX_UPLOAD_BYTES, useUploadCustomerFile } from '../api/imports';

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props = {
  stores: StoreSummary[];
  storeId: string | null;
  onStoreChange: (id: string) => void;
  onUploaded: (r: UploadResult) => void;
};

/** Step 1: the store to import into and the file, dropped or chosen. */
export function UploadStep({ stores, storeId, onStoreChange, onUploaded }: Props) {
  const { t } = useTranslation();
  const upload = useUploadCustomerFile();
  const [dragging, setDragging] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);

  function send(file: File | null | undefined) {
    if (!file || !storeId) return;
    setTooLarge(file.size > MAX_UPLOAD_BYTES);
    if (file.size > MAX_UPLOAD_BYTES) return;
    upload.mutate({ file, storeId }, { onSuccess: onUploaded });
  }
  function drop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    send(e.dataTransfer.files[0]);
  }

  return (
    <Stack gap="md">
      {stores.length > 1 && (
        <Select
          label={t('imports.store')}
          data={stores.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
          value={storeId}
          onChange={(id) => id && onStoreChange(id)}
          allowDeselect={false}
          w={{ base: '100%', xs: 320 }}
        />
      )}
      <Paper
        withBorder
        radius="md"
        p="xl"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'var(--mantine-primary-color-filled)' : undefined,
          textAlign: 'center',
        }}
      >
        {upload.isPending ? (
          <Stack align="center" gap="xs" role="status" aria-live="polite">
            <Loader aria-hidden="true" />
            <Text>{t('imports.uploading')}</Text>
          </Stack>
        ) : (
          <Stack align="center" gap="sm">
            <Icon name="inbox" size={36} />
            <Text fw={600}>{t('imports.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('imports.dropHelp')}
            </Text>
            <Group justify="center">
              <FileButton onChange={send} accept={ACCEPT}>
                {(props) => (
                  <Button {...props} disabled={!storeId}>
                    {t('imports.choose')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </Stack>
        )}
      </Paper>
      {(upload.isError || tooLarge) && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
          {tooLarge
            ? t('errors:payload_too_large')
            : isApiError(upload.error) && upload.error.code === 'import_invalid'
              ? t('imports.unreadable')
              : translateMessage(t, problemMessage(upload.error))}
        </Alert>
      )}
    </Stack>
  );
}
