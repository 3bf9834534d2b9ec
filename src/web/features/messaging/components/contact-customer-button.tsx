import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { ContactSheet, type ContactSheetProps } from './contact-sheet';

type Props = Omit<ContactSheetProps, 'opened' | 'onClose'> & { buttonProps?: ButtonProps; label?: string };

/**
 * "Contact" on the customer page and on a care task: opens the contact sheet with the caller's text.
 * The sheet is mounted only while open, so each opening starts fresh (and forgets any revealed number).
 */
export function ContactCustomerButton({ buttonProps, label, ...sheet }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const blocked = Boolean(sheet.customer.erasedAt);
  return (
    <>
      <Button
        leftSection={<Icon name="message" size={18} />}
        onClick={() => setOpen(true)}
        disabled={blocked}
        {...buttonProps}
      >
        {label ?? t('messaging.contact.button')}
      </Button>
      {open && <ContactSheet {...sheet} opened onClose={() => setOpen(false)} />}
    </>
  );
}
