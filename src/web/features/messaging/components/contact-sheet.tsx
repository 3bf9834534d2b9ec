import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../contracts/customers';
import { needsPhoneNumber } from '../../../../domain/contact-links';
import type { ContactOutcome, ContactPurpose } from '../../../../domain/contacts';
import { Icon } from '../../../components/icons';
import { ErrorAlert } from '../../../components/query-state';
import { revealNumberForLink, useRecordContact } from '../api/contacts';
import { useEnqueueMessage } from '../api/outbox';
import { channelOptions, currentPlatform, linkFor, phoneFor, type SheetChannel } from '../lib/channels';
import { ComposeStep, type Draft } from './compose-step';
import { PhoneStep } from './phone-step';

/**
 * A random key for this sheet. `crypto.randomUUID` exists only on HTTPS (or localhost), and shops often
 * reach the server over plain http on their own network; `getRandomValues` works everywhere.
 */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `sheet:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export type ContactSheetProps = {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
  /** Why she is contacted (default: care). */
  purpose?: ContactPurpose;
  /** The text to start from — a template the caller rendered, or empty. */
  text?: string;
  subject?: string;
  /** The care task this contact completes. */
  taskId?: string | null;
  onRecorded?: () => void;
};

type Step =
  | { kind: 'compose' }
  | { kind: 'phone'; channel: Exclude<SheetChannel, 'email'>; href: string | null; revealed: boolean }
  | { kind: 'queued' }
  | { kind: 'recorded' };

/**
 * Contact her: choose why and how among the channels she agreed to, then either queue an e-mail (the
 * outbox sends it) or open the guide's own phone with the text filled in and record how it went. Her
 * number is only put into a link after the tap, and fetched through the audited reveal when the guide
 * is not her owner guide; it is held in this sheet only while it is open.
 */
export function ContactSheet(props: ContactSheetProps) {
  const { customer: c, opened, onClose } = props;
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [draft, setDraft] = useState<Draft>({
    purpose: props.purpose ?? 'care',
    channel: null,
    text: props.text ?? '',
    subject: props.subject ?? '',
  });
  const [step, setStep] = useState<Step>({ kind: 'compose' });
  const [textError, setTextError] = useState<string | null>(null);
  const [busy, setBusy] = useState<unknown>(null);
  const [opening, setOpening] = useState(false);
  // One key per sheet: a double tap on "Send" queues one e-mail.
  const idempotencyKey = useMemo(randomKey, []);
  const enqueue = useEnqueueMessage(c.id);
  const record = useRecordContact(c.id);
  const options = channelOptions(c, draft.purpose);
  const chosen = options.find((o) => o.channel === draft.channel && !o.refusal)?.channel ?? null;

  async function proceed() {
    if (!chosen) return;
    setBusy(null);
    if (chosen !== 'call' && !draft.text.trim()) return setTextError(t('messaging.contact.textRequired'));
    setTextError(null);
    if (chosen === 'email') {
      enqueue.mutate(
        {
          customerId: c.id,
          channel: 'email',
          purpose: draft.purpose,
          subject: draft.subject.trim(),
          body: draft.text.trim(),
          idempotencyKey,
          taskId: props.taskId ?? null,
        },
        { onSuccess: () => setStep({ kind: 'queued' }) },
      );
      return;
    }
    let number: string | null = null;
    let revealed = false;
    if (needsPhoneNumber(chosen)) {
      const phone = phoneFor(c);
      if (!phone) return;
      number = phone.e164;
      if (!number) {
        setOpening(true);
        try {
          number = await revealNumberForLink(c.id, phone.id, chosen);
          revealed = true;
        } catch (err) {
          setBusy(err);
          return;
        } finally {
          setOpening(false);
        }
      }
    }
    setStep({
      kind: 'phone',
      channel: chosen,
      href: linkFor(chosen, draft.text.trim(), number, currentPlatform()),
      revealed,
    });
  }

  function save(channel: Exclude<SheetChannel, 'email'>, outcome: ContactOutcome, note: string) {
    record.mutate(
      {
        channel,
        purpose: draft.purpose,
        outcome,
        note: note.trim() || null,
        messageText: channel === 'call' ? null : draft.text.trim() || null,
        taskId: props.taskId ?? null,
      },
      {
        onSuccess: () => {
          setStep({ kind: 'recorded' });
          props.onRecorded?.();
        },
      },
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('messaging.contact.title', { name: c.displayName })}
      fullScreen={isPhone}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {step.kind === 'compose' && (
        <Stack gap="md">
          <ComposeStep
            draft={draft}
            options={options}
            doNotContact={c.doNotContact || c.isDeceased}
            textError={textError}
            onChange={(d) => {
              setDraft(d);
              setTextError(null);
            }}
          />
          {(enqueue.error ?? busy) != null && <ErrorAlert error={enqueue.error ?? busy} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!chosen || (chosen === 'email' && !draft.subject.trim())}
              loading={enqueue.isPending || opening}
              leftSection={
                <Icon name={chosen === 'email' ? 'mail' : chosen === 'call' ? 'phone' : 'message'} size={18} />
              }
              onClick={() => void proceed()}
            >
              {chosen === 'email' ? t('messaging.contact.send') : t('messaging.contact.next')}
            </Button>
          </Group>
        </Stack>
      )}
      {step.kind === 'phone' && (
        <Stack gap="md">
          <PhoneStep
            channel={step.channel}
            text={draft.text.trim()}
            href={step.href}
            revealed={step.revealed}
            saving={record.isPending}
            error={record.error}
            onSave={(outcome, note) => save(step.channel, outcome, note)}
            onSkip={onClose}
          />
          <Button
            variant="subtle"
            onClick={() => setStep({ kind: 'compose' })}
            leftSection={<Icon name="arrowLeft" size={16} />}
          >
            {t('messaging.contact.back')}
          </Button>
        </Stack>
      )}
      {(step.kind === 'queued' || step.kind === 'recorded') && (
        <Stack gap="md">
          <Alert color="green" variant="light" icon={<Icon name="check" />} role="status">
            {t(step.kind === 'queued' ? 'messaging.contact.queued' : 'messaging.contact.saved')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
