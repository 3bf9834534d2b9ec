import { Button, Chip, CloseButton, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FAULT_CAUSES, openRepairBodySchema } from '../../../../contracts/after-sales';
import { FormModal } from '../../../components/form-modal';
import { isApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useCustomerReceipts } from '../../purchases/api/get-receipts';
import { dayIn, todayIn } from '../../purchases/lib/dates';
import { BROWSER_ZONE, useStoreOf } from '../../purchases/lib/store';
import { useOpenRepair } from '../api/open-repair';
import { PHOTOS_PER_TICKET, uploadRepairPhoto } from '../api/repair-photos';
import { PHOTO_ACCEPT, photoProblems } from './repair-photos';
import { Icon } from '../../../components/icons';
import { useMe } from '../../auth/api/get-me';

type Cause = (typeof FAULT_CAUSES)[number];
const OTHER = 'other';

type Props = { customerId: string; storeId: string; lineId?: string | null; onClose: () => void };

/** Takes an item in for repair: from her purchases (or described), the fault, its cause and the day she brought it. */
export function RepairIntakeModal({ customerId, storeId, lineId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const store = useStoreOf(storeId);
  const timeZone = store?.timezone ?? BROWSER_ZONE;
  const today = todayIn(timeZone);
  const receipts = useCustomerReceipts(customerId);
  const open = useOpenRepair(customerId);
  const [item, setItem] = useState<string>(lineId ?? '');
  const [description, setDescription] = useState('');
  const [fault, setFault] = useState('');
  const [cause, setCause] = useState<Cause>('quality');
  const [reportedOn, setReportedOn] = useState(today);
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoErrors, setPhotoErrors] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const photoInput = useRef<HTMLInputElement>(null);
  const me = useMe();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const lines = (receipts.data?.pages ?? [])
    .flatMap((p) => p.items)
    .filter((r) => r.kind === 'sale')
    .flatMap((r) => r.lines.filter((l) => l.quantity > l.returnedQuantity).map((l) => ({ r, l })));
  const options = [
    ...lines.map(({ r, l }) => ({
      value: l.id,
      label: [l.productName, l.styleNo, l.size, l.colour, formatDate(r.occurredAt, i18n.language, timeZone)]
        .filter(Boolean)
        .join(' · '),
    })),
    { value: OTHER, label: t('afterSales.intake.otherItem') },
  ];
  const picked = lines.find(({ l }) => l.id === item);
  const purchasedOn = picked ? dayIn(new Date(picked.r.occurredAt), timeZone) : undefined;

  function submit() {
    setFormError(null);
    const isOther = item === OTHER || item === '';
    const body = {
      receiptLineId: isOther ? null : item,
      itemDescription: isOther ? description.trim() || undefined : undefined,
      fault: fault.trim(),
      cause,
      reportedOn,
    };
    const parsed = openRepairBodySchema.safeParse(body);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        next[String(issue.path[0])] ??=
          issue.path[0] === 'itemDescription' ? 'afterSales.intake.chooseItem' : 'errors:field.required';
      setErrors(next);
      return;
    }
    if (reportedOn > today) return setErrors({ reportedOn: 'purchases.errors.future' });
    open.mutate(parsed.data, {
      onSuccess: async (ticket) => {
        // The ticket exists: its photos follow, one by one; a failure leaves them to be added on the ticket.
        setUploading(true);
        let failed = false;
        for (const f of photos)
          await uploadRepairPhoto(ticket.id, f, me.data?.csrfToken).catch(() => {
            failed = true;
          });
        setUploading(false);
        navigate(`/repairs/${ticket.id}`, failed ? { state: { photoUploadFailed: true } } : undefined);
      },
      onError: (err) => {
        const next: Record<string, string> = {};
        if (isApiError(err))
          for (const f of err.fields) {
            const key = f.field.replace(/^body\./, '');
            next[key] =
              f.code === 'before_purchase'
                ? 'afterSales.intake.beforePurchase'
                : f.code === 'unknown_item'
                  ? 'afterSales.intake.unknownItem'
                  : 'errors:field.invalid';
          }
        setErrors(next);
        setFormError(translateMessage(t, problemMessage(err)));
      },
    });
  }
  const e = (k: string) => (errors[k] ? t(errors[k]) : undefined);

  return (
    <FormModal
      opened
      title={t('afterSales.intake.title')}
      submitLabel={t('afterSales.intake.submit')}
      loading={open.isPending || uploading}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Select
        label={t('afterSales.intake.item')}
        placeholder={t('afterSales.intake.itemPlaceholder')}
        data={options}
        value={item || null}
        onChange={(v) => {
          setItem(v ?? '');
          setErrors({});
        }}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        error={e('receiptLineId') ?? (item === OTHER ? undefined : e('itemDescription'))}
      />
      {item === OTHER && (
        <TextInput
          label={t('afterSales.intake.description')}
          value={description}
          onChange={(ev) => setDescription(ev.currentTarget.value)}
          maxLength={200}
          error={e('itemDescription')}
          required
        />
      )}
      <Textarea
        label={t('afterSales.intake.fault')}
        placeholder={t('afterSales.intake.faultPlaceholder')}
        value={fault}
        onChange={(ev) => setFault(ev.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={1000}
        required
        error={e('fault')}
      />
      <div role="radiogroup" aria-labelledby="repair-cause-label">
        <Text size="sm" fw={600} mb={6} id="repair-cause-label">
          {t('afterSales.intake.cause')}
        </Text>
        <Chip.Group value={cause} onChange={(v) => setCause(v as Cause)}>
          <Group gap={6}>
            {FAULT_CAUSES.map((c) => (
              <Chip key={c} value={c} variant="outline" size="sm">
                {t(`afterSales.cause.${c}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <Group grow align="flex-start" gap="sm">
        <TextInput
          type="date"
          label={t('afterSales.intake.reportedOn')}
          value={reportedOn}
          min={purchasedOn}
          max={today}
          onChange={(ev) => setReportedOn(ev.currentTarget.value)}
          error={e('reportedOn')}
        />
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={600} id="repair-photos-label">
          {t('repairPhotos.intakeLabel')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('repairPhotos.intakeHelp', { max: PHOTOS_PER_TICKET })}
        </Text>
        <input
          ref={photoInput}
          type="file"
          accept={PHOTO_ACCEPT}
          capture="environment"
          multiple
          hidden
          aria-labelledby="repair-photos-label"
          data-testid="intake-photo-input"
          onChange={(ev) => {
            const files = [...(ev.currentTarget.files ?? [])];
            ev.currentTarget.value = '';
            const problems = photoProblems(files, photos.length, t);
            setPhotoErrors(problems);
            if (!problems.length) setPhotos([...photos, ...files]);
          }}
        />
        {photos.length > 0 && (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {photos.map((f, i) => (
              <Group component="li" key={`${f.name}-${i}`} gap="xs" wrap="nowrap">
                <Text size="sm" truncate style={{ flex: 1 }}>
                  {f.name}
                </Text>
                <CloseButton
                  aria-label={t('repairPhotos.remove', { name: f.name })}
                  onClick={() => setPhotos(photos.filter((_, k) => k !== i))}
                />
              </Group>
            ))}
          </Stack>
        )}
        {photoErrors.map((p) => (
          <Text key={p} size="sm" c="red.8" role="alert">
            {p}
          </Text>
        ))}
        <Button
          variant="default"
          leftSection={<Icon name="plus" size={18} />}
          onClick={() => photoInput.current?.click()}
          disabled={photos.length >= PHOTOS_PER_TICKET}
        >
          {t('repairPhotos.add')}
        </Button>
      </Stack>
    </FormModal>
  );
}
