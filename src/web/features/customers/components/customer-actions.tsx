import { Button, Menu, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Role } from '../../../../contracts/common';
import type { Customer } from '../../../../contracts/customers';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Icon } from '../../../components/icons';
import { downloadCustomerData, useErase, useSetFlags } from '../api/customers';

const PRIVACY: Role[] = ['owner', 'hq', 'store_manager'];
const MANAGERS: Role[] = ['owner', 'hq', 'regional_manager', 'store_manager'];

type Dialog = 'deceased' | 'doNotContact' | 'erase' | null;

export function CustomerActions({ c, role }: { c: Customer; role: Role }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flags = useSetFlags(c.id);
  const erase = useErase(c.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [exportError, setExportError] = useState<unknown>(null);
  const close = () => {
    setDialog(null);
    setReason('');
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<Icon name="chevronDown" size={16} />}>
            {t('customers.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<Icon name="printer" size={16} />}
            onClick={() => navigate(`/customers/${c.id}/print`)}
          >
            {t('customers.printCard')}
          </Menu.Item>
          {MANAGERS.includes(role) && !c.erasedAt && (
            <Menu.Item
              leftSection={<Icon name="users" size={16} />}
              onClick={() => navigate(`/customers/${c.id}/merge`)}
            >
              {t('customers.merge.action')}
            </Menu.Item>
          )}
          <Menu.Item
            leftSection={<Icon name="ban" size={16} />}
            onClick={() => setDialog('doNotContact')}
            disabled={Boolean(c.erasedAt)}
          >
            {c.doNotContact ? t('customers.flags.allowContact') : t('customers.flags.doNotContact')}
          </Menu.Item>
          <Menu.Item onClick={() => setDialog('deceased')} disabled={Boolean(c.erasedAt)}>
            {c.isDeceased ? t('customers.flags.notDeceased') : t('customers.flags.deceased')}
          </Menu.Item>
          {PRIVACY.includes(role) && (
            <>
              <Menu.Divider />
              <Menu.Item
                leftSection={<Icon name="download" size={16} />}
                onClick={() => void downloadCustomerData(c.id, c.displayName).catch(setExportError)}
              >
                {t('customers.exportData')}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<Icon name="trash" size={16} />}
                onClick={() => setDialog('erase')}
                disabled={Boolean(c.erasedAt)}
              >
                {t('customers.erase.action')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {exportError !== null && (
        <Text c="red" size="sm" role="alert">
          {t('customers.exportFailed')}
        </Text>
      )}
      {(dialog === 'deceased' || dialog === 'doNotContact') && (
        <ConfirmDialog
          opened
          title={t(`customers.flags.${dialog}Title`)}
          message={t(`customers.flags.${dialog}Message`)}
          confirmLabel={t('common.save')}
          loading={flags.isPending}
          error={flags.error}
          onClose={close}
          onConfirm={() =>
            flags.mutate(dialog === 'deceased' ? { isDeceased: !c.isDeceased } : { doNotContact: !c.doNotContact }, {
              onSuccess: close,
            })
          }
        />
      )}
      {dialog === 'erase' && (
        <ConfirmDialog
          opened
          danger
          title={t('customers.erase.title', { name: c.displayName })}
          message={t('customers.erase.message')}
          confirmLabel={t('customers.erase.confirm')}
          loading={erase.isPending}
          error={erase.error}
          onClose={close}
          onConfirm={() => reason.trim() && erase.mutate(reason.trim(), { onSuccess: close })}
        >
          <TextInput
            label={t('customers.erase.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
        </ConfirmDialog>
      )}
    </>
  );
}
