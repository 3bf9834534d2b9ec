import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createApiTokenBodySchema, type createdApiTokenSchema } from '../../../../contracts/tokens';
import { FormModal } from '../../../components/form-modal';
import { useZodForm } from '../../../lib/form';
import { useSession } from '../../auth/api/get-me';
import { useCreateToken } from '../api/tokens';

type Created = z.output<typeof createdApiTokenSchema>;

export function TokenCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (t: Created) => void }) {
  const { t } = useTranslation();
  const { stores } = useSession();
  const form = useZodForm<{ name: string; storeId: string }>({ name: '', storeId: '' });
  const create = useCreateToken();

  function submit() {
    const body = form.validate(createApiTokenBodySchema, {
      name: form.values.name,
      storeId: form.values.storeId || null,
    });
    if (body) create.mutate(body, { onSuccess: onCreated, onError: form.fail });
  }

  return (
    <FormModal
      opened
      title={t('tokens.createTitle')}
      submitLabel={t('tokens.create')}
      loading={create.isPending}
      formError={form.formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput
        label={t('tokens.fields.name')}
        description={t('tokens.fields.nameHelp')}
        required
        maxLength={100}
        {...form.text('name')}
      />
      <Select
        label={t('tokens.fields.scope')}
        description={t('tokens.fields.scopeHelp')}
        data={[
          { value: '', label: t('tokens.orgWide') },
          ...stores.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
        ]}
        value={form.values.storeId}
        onChange={(id) => form.setValue('storeId', id ?? '')}
        allowDeselect={false}
        error={form.error('storeId')}
      />
    </FormModal>
  );
}
