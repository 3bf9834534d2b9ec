import { Rating, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreSummary } from '../../../../contracts/auth';
import { FormModal } from '../../../components/form-modal';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useCreateQualityFollowup } from '../api/registers';

type Kind = 'quality' | 'opinion' | 'satisfaction';

/** Registers what a customer said about quality, an opinion, or a satisfaction answer (seed 001's register). */
export function QualityFollowupModal({
  stores,
  storeId,
  onClose,
}: {
  stores: StoreSummary[];
  storeId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateQualityFollowup();
  const [store, setStore] = useState(storeId);
  const [kind, setKind] = useState<Kind>('quality');
  const [styleNo, setStyleNo] = useState('');
  const [rating, setRating] = useState(0);
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  function submit() {
    setFormError(null);
    if (!opinion.trim()) return setError(t('registers.quality.opinionRequired'));
    create.mutate(
      { storeId: store, kind, styleNo: styleNo.trim() || undefined, rating: rating || null, opinion: opinion.trim() },
      { onSuccess: onClose, onError: (err) => setFormError(translateMessage(t, problemMessage(err))) },
    );
  }

  return (
    <FormModal
      opened
      title={t('registers.quality.addTitle')}
      submitLabel={t('registers.quality.add')}
      loading={create.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      {stores.length > 1 && (
        <Select
          label={t('registers.filters.store')}
          data={stores.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
          value={store}
          onChange={(v) => v && setStore(v)}
          allowDeselect={false}
        />
      )}
      <Select
        label={t('registers.quality.kind')}
        data={(['quality', 'opinion', 'satisfaction'] as const).map((k) => ({
          value: k,
          label: t(`registers.quality.kinds.${k}`),
        }))}
        value={kind}
        onChange={(v) => v && setKind(v as Kind)}
        allowDeselect={false}
      />
      <TextInput
        label={t('registers.quality.styleNo')}
        value={styleNo}
        onChange={(e) => setStyleNo(e.currentTarget.value)}
        maxLength={60}
      />
      <Stack gap={4}>
        <Text size="sm" fw={600} id="quality-rating-label">
          {t('registers.quality.rating')}
        </Text>
        <Rating
          value={rating}
          onChange={setRating}
          aria-labelledby="quality-rating-label"
          getSymbolLabel={(n) => t('registers.quality.stars', { count: n })}
        />
      </Stack>
      <Textarea
        label={t('registers.quality.opinion')}
        placeholder={t('registers.quality.opinionPlaceholder')}
        value={opinion}
        onChange={(e) => {
          setOpinion(e.currentTarget.value);
          setError(undefined);
        }}
        autosize
        minRows={3}
        maxLength={2000}
        required
        error={error}
      />
    </FormModal>
  );
}
