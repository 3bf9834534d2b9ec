import { ActionIcon, Alert, Anchor, Button, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RepairTicket } from '../../../../contracts/after-sales';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Icon } from '../../../components/icons';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import {
  PHOTO_MAX_BYTES,
  PHOTOS_PER_TICKET,
  photoUrl,
  useDeleteRepairPhoto,
  useUploadRepairPhotos,
} from '../api/repair-photos';

export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';

/** Checks chosen files before they go up: type by the browser's guess (the server checks the bytes), size, count. */
export function photoProblems(files: File[], already: number, t: TFunction): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (f.type && !PHOTO_ACCEPT.split(',').includes(f.type)) out.push(t('repairPhotos.notImage', { name: f.name }));
    else if (f.size > PHOTO_MAX_BYTES) out.push(t('repairPhotos.tooBig', { name: f.name }));
  }
  if (already + files.length > PHOTOS_PER_TICKET) out.push(t('repairPhotos.tooMany', { max: PHOTOS_PER_TICKET }));
  return out;
}

/** The photos of the item on the ticket: thumbnails (open full size), add from the camera, delete after asking. */
export function RepairPhotos({ ticket }: { ticket: RepairTicket }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadRepairPhotos(ticket.id);
  const remove = useDeleteRepairPhoto(ticket.id);
  const [problems, setProblems] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<number | null>(null);
  const photos = ticket.photos;
  const failedAtIntake = (useLocation().state as { photoUploadFailed?: boolean } | null)?.photoUploadFailed === true;
  const full = photos.length >= PHOTOS_PER_TICKET;

  function chosen(list: FileList | null) {
    const files = [...(list ?? [])];
    if (input.current) input.current.value = '';
    if (!files.length) return;
    const found = photoProblems(files, photos.length, t);
    setProblems(found);
    if (found.length) return;
    upload.mutate(files);
  }
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="repair-photos-title">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h5" id="repair-photos-title">
          {t('repairPhotos.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('repairPhotos.count', { count: photos.length, max: PHOTOS_PER_TICKET })}
        </Text>
      </Group>
      <Stack gap="sm">
        {photos.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('repairPhotos.empty')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 3, sm: 3 }} spacing="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {photos.map((p, i) => (
              <li key={p.id} style={{ position: 'relative' }}>
                <Anchor
                  href={photoUrl(ticket.id, p.id)}
                  target="_blank"
                  rel="noopener"
                  aria-label={t('repairPhotos.open', { n: i + 1 })}
                >
                  <Image
                    src={photoUrl(ticket.id, p.id)}
                    alt={t('repairPhotos.alt', { n: i + 1, ticket: ticket.ticketNo })}
                    radius="sm"
                    h={96}
                    fit="cover"
                    loading="lazy"
                  />
                </Anchor>
                <ActionIcon
                  variant="filled"
                  color="dark"
                  size="lg"
                  radius="xl"
                  aria-label={t('repairPhotos.delete', { n: i + 1 })}
                  onClick={() => setDeleting(i)}
                  style={{ position: 'absolute', top: 4, right: 4 }}
                >
                  <Icon name="trash" size={18} />
                </ActionIcon>
              </li>
            ))}
          </SimpleGrid>
        )}
        {failedAtIntake && photos.length === 0 && (
          <Alert color="yellow" variant="light" role="status">
            {t('repairPhotos.uploadFailed')}
          </Alert>
        )}
        {problems.length > 0 && (
          <Alert color="red" variant="light" role="alert">
            {problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </Alert>
        )}
        {upload.error != null && (
          <Alert color="red" variant="light" role="alert">
            {translateMessage(t, problemMessage(upload.error))}
          </Alert>
        )}
        <input
          ref={input}
          type="file"
          accept={PHOTO_ACCEPT}
          capture="environment"
          multiple
          hidden
          data-testid="repair-photo-input"
          onChange={(e) => chosen(e.currentTarget.files)}
        />
        <Button
          variant="default"
          leftSection={<Icon name="plus" size={18} />}
          onClick={() => input.current?.click()}
          disabled={full}
          loading={upload.isPending}
        >
          {t('repairPhotos.add')}
        </Button>
      </Stack>
      {deleting !== null && photos[deleting] && (
        <ConfirmDialog
          opened
          danger
          title={t('repairPhotos.confirmTitle')}
          message={t('repairPhotos.confirmMessage', { n: deleting + 1 })}
          confirmLabel={t('repairPhotos.confirm')}
          loading={remove.isPending}
          error={remove.error}
          onClose={closeDelete}
          onConfirm={() => remove.mutate(photos[deleting]!.id, { onSuccess: closeDelete })}
        />
      )}
    </Paper>
  );
}
