import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../../components/icons';

/** On the new-customer form (seed 001): the membership requirements to show her as she registers. */
export function RequirementsLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/vip" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <Icon name="trophy" size={16} />
      {t('loyalty.requirements.showHer')}
    </Anchor>
  );
}
