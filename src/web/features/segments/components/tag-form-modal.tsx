import { Input, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tagBodySchema } from '../../../../contracts/segments';
import { FormModal } from '../../../components/form-modal';
import { isApiError } from '../../../lib/api-client';
import { problemMessage, translateMessage } from '../../../lib/problem-message';
import { useSaveTag, type Tag } from '../api/tags';
import type { TagColour } from '../lib/tags';
import { TagBadge } from './tag-badge';
import { TagColourPicker } from './tag-colour-picker';

/** Creates a tag (`tag` null) or renames / recolours one: a name and one of the badge colours. */
export function TagFormModal({ tag, onClose }: { tag: Tag | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTag();
  const [name, setName] = useState(tag?.name ?? '');
  const [colour, setColour] = useState<TagColour>(tag?.colour ?? 'blue');
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  function submit() {
    setFormError(null);
    const parsed = tagBodySchema.safeParse({ name, colour });
    if (!parsed.success) return setNameError(t(name.trim() ? 'errors:field.too_long' : 'errors:field.required'));
    setNameError(null);
    save.mutate(
      { id: tag?.id, body: parsed.data },
      {
        onSuccess: onClose,
        onError: (err) => {
          const field = isApiError(err) ? err.fields.find((f) => f.field === 'body.name') : undefined;
          if (field) setNameError(t(field.code === 'tag_name_taken' ? 'tags.form.nameTaken' : 'errors:field.invalid'));
          else setFormError(translateMessage(t, problemMessage(err)));
        },
      },
    );
  }

  return (
    <FormModal
      opened
      title={tag ? t('tags.form.editTitle', { name: tag.name }) : t('tags.form.newTitle')}
      submitLabel={tag ? t('common.save') : t('tags.manage.add')}
      loading={save.isPending}
      formError={formError}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput
        label={t('tags.form.name')}
        placeholder={t('tags.form.namePlaceholder')}
        value={name}
        onChange={(ev) => setName(ev.currentTarget.value)}
        maxLength={40}
        required
        error={nameError}
        data-autofocus
      />
      <Input.Wrapper label={t('tags.form.colour')} labelElement="div">
        <TagColourPicker value={colour} onChange={setColour} label={t('tags.form.colour')} />
      </Input.Wrapper>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('tags.form.preview')}
        </Text>
        <div>
          <TagBadge name={name.trim() || t('tags.form.namePlaceholder')} colour={colour} />
        </div>
      </Stack>
    </FormModal>
  );
}
