import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../../contracts/imports';
import { Icon } from '../../../components/icons';
import { exportUrl } from '../api/imports';

type Props = {
  /** The list's current search and filters: the export holds exactly what the list shows (all pages). */
  q?: string | null;
  storeId?: string | null;
  ownerUserId?: string | null;
};

/** "Export" with a CSV / XLSX menu, for the customer list. Contacts come masked unless the role may see them. */
export function ExportButton({ q, storeId, ownerUserId }: Props) {
  const { t } = useTranslation();
  const params = { q: q ?? undefined, storeId: storeId ?? undefined, ownerUserId: ownerUserId ?? undefined };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" rightSection={<Icon name="chevronDown" size={16} />}>
          {t('imports.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('imports.export.label')}</Menu.Label>
        {EXPORT_FORMATS.map((format) => (
          <Menu.Item key={format} component="a" href={exportUrl(format, params)} download>
            {t(`imports.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
