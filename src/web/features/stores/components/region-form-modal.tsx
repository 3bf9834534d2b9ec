import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createRegionBodySchema, updateRegionBodySchema, type Region } from '../../../../contracts/org';
import { FormModal } from '../../../components/form-modal';
import { useZodForm } from '../../../lib/form';
import { useCreateRegion, useUpdateRegion } from '../api/regions';

export function RegionFormModal({ region, onClose }: { region: Region | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useZodForm({ code: region?.code ?? '', name: region?.name ?? '' }, { code: 'code_format' });
  const create = useCreateRegion();
  const update = useUpdateRegion();

  function submit() {
    const done = { onSuccess: onClose, onError: form.fail };
    if (!region) {
      const body = form.validate(createRegionBodySchema);
      if (body) create.mutate(body, done);
    } else {
      const body = form.validate(updateRegionBodySchema);
      if (body) update.mutate({ id: region.id, body }, done);
    }
  }

  return (
    <FormModal
      opened
      title={region ? t('regions.editTitle', { name: region.name }) : t('regions.createTitle')}
      submitLabel={region ? t('common.save') : t('regions.create')}
      loading={create.isPending || update.isPending}
      formError={form.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput
        label={t('regions.fields.code')}
        description={t('stores.fields.codeHelp')}
        required
        maxLength={20}
        {...form.text('code')}
      />
      <TextInput label={t('regions.fields.name')} required maxLength={100} {...form.text('name')} />
    </FormModal>
  );
}
