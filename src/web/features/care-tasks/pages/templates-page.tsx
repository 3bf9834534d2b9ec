import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { MESSAGE_CATEGORIES, type MessageCategory } from '../../../../contracts/care';
import { LOCALES, type Locale } from '../../../../contracts/common';
import { checkTone } from '../../../../domain/care/tone';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Icon } from '../../../components/icons';
import { LANGUAGE_NAMES } from '../../../components/language-menu';
import { EmptyBlock, ErrorAlert, PageLoader } from '../../../components/query-state';
import { PageHeader } from '../../../components/page-header';
import { can } from '../../../lib/permissions';
import { useSession } from '../../auth/api/get-me';
import { useSetTemplateActive, useTemplates, type Template } from '../api/templates';
import { Highlighted, TemplateEditor } from '../components/template-editor';

/** /settings/templates — the message library by occasion and language; head office edits it. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const { user, currentStore } = useSession();
  const [params, setParams] = useSearchParams();
  const category = (MESSAGE_CATEGORIES.find((c) => c === params.get('category')) ?? 'birthday') as MessageCategory;
  const locale = (LOCALES.find((l) => l === params.get('locale')) ?? currentStore?.locale ?? 'zh-CN') as Locale;
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [retiring, setRetiring] = useState<Template | null>(null);
  const editor = can(user.role, 'editTemplates');
  const list = useTemplates({ category, locale, includeRetired: showRetired });
  const setActive = useSetTemplateActive();
  const update = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('careTasks.templates.title')}
        description={t('careTasks.templates.description')}
        mb={0}
        actions={
          editor ? (
            <Button leftSection={<Icon name="plus" size={18} />} onClick={() => setEditing('new')}>
              {t('careTasks.templates.new')}
            </Button>
          ) : undefined
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('careTasks.templates.category')}
          data={MESSAGE_CATEGORIES.map((c) => ({ value: c, label: t(`care.categories.${c}`) }))}
          value={category}
          onChange={(v) => v && update('category', v)}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('careTasks.templates.language')}
          data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={locale}
          onChange={(v) => v && update('locale', v)}
          allowDeselect={false}
          w={{ base: '100%', xs: 180 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Switch
          label={t('careTasks.templates.showRetired')}
          checked={showRetired}
          onChange={(e) => setShowRetired(e.currentTarget.checked)}
          mb={6}
        />
      </Group>
      {!editor && (
        <Text size="sm" c="dimmed">
          {t('careTasks.templates.readOnly')}
        </Text>
      )}
      {list.isPending && <PageLoader />}
      {list.error != null && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyBlock title={t('careTasks.templates.empty')} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {list.data?.items.map((tpl) => {
          const tone = checkTone(tpl.body, tpl.locale);
          return (
            <Card key={tpl.id} withBorder radius="md" data-testid="template-card" opacity={tpl.isActive ? 1 : 0.6}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={600} lang={tpl.locale} style={{ minWidth: 0 }}>
                    {tpl.title}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <Badge variant="light" color={tpl.isDefault ? 'gray' : tpl.defaultKey ? 'blue' : 'grape'} size="sm">
                      {t(
                        tpl.isDefault
                          ? 'careTasks.templates.default'
                          : tpl.defaultKey
                            ? 'careTasks.templates.edited'
                            : 'careTasks.templates.own',
                      )}
                    </Badge>
                    {tpl.format === 'script' && (
                      <Badge variant="outline" size="sm">
                        {t('care.formats.script')}
                      </Badge>
                    )}
                    {!tpl.isActive && (
                      <Badge color="red" variant="light" size="sm">
                        {t('careTasks.templates.retired')}
                      </Badge>
                    )}
                  </Group>
                </Group>
                <div lang={tpl.locale}>
                  <Highlighted text={tpl.body} spans={tone} />
                </div>
                {tone.length > 0 && (
                  <Text size="xs" c="yellow.9">
                    <Icon name="alert" size={12} />{' '}
                    {[...new Set(tone.map((f) => t(`care.tone.${f.kind}`)))].join(' · ')}
                  </Text>
                )}
                {editor && (
                  <Group gap="xs" justify="flex-end">
                    {tpl.isActive ? (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRetiring(tpl)}>
                        {t('careTasks.templates.retire')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        loading={setActive.isPending}
                        onClick={() => setActive.mutate({ id: tpl.id, active: true })}
                      >
                        {t('careTasks.templates.restore')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<Icon name="edit" size={14} />}
                      onClick={() => setEditing(tpl)}
                    >
                      {t('careTasks.templates.edit')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      {editing && (
        <TemplateEditor
          template={editing === 'new' ? null : editing}
          defaults={{ category, locale }}
          onClose={() => setEditing(null)}
        />
      )}
      {retiring && (
        <ConfirmDialog
          opened
          title={t('careTasks.templates.retireTitle')}
          message={t('careTasks.templates.retireMessage')}
          confirmLabel={t('careTasks.templates.retire')}
          danger
          loading={setActive.isPending}
          error={setActive.error}
          onConfirm={() => setActive.mutate({ id: retiring.id, active: false }, { onSuccess: () => setRetiring(null) })}
          onClose={() => setRetiring(null)}
        />
      )}
    </Stack>
  );
}
