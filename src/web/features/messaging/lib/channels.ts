// Which channels the contact sheet offers for her, and how each one is carried out.
import type { Customer } from '../../../../contracts/customers';
import {
  detectPlatform,
  lineShareLink,
  smsLink,
  telLink,
  whatsAppLink,
  type Platform,
} from '../../../../domain/contact-links';
import {
  channelRefusal,
  type ChannelRefusal,
  type ContactChannel,
  type ContactPurpose,
} from '../../../../domain/contacts';

/** What the sheet offers, in the order a guide reaches for them. */
export const SHEET_CHANNELS = ['call', 'sms', 'wechat', 'line', 'whatsapp', 'email'] as const;
export type SheetChannel = (typeof SHEET_CHANNELS)[number];

export type ChannelOption = { channel: SheetChannel; refusal: ChannelRefusal | null };

/** Her mobile for texts and calls: the primary mobile, else any mobile, else the primary number. */
export function phoneFor(c: Customer): Customer['phones'][number] | undefined {
  return (
    c.phones.find((p) => p.isPrimary && p.label === 'mobile') ??
    c.phones.find((p) => p.label === 'mobile') ??
    c.phones.find((p) => p.isPrimary) ??
    c.phones[0]
  );
}

export function channelOptions(c: Customer, purpose: ContactPurpose): ChannelOption[] {
  const who = {
    isDeceased: c.isDeceased,
    doNotContact: c.doNotContact,
    isErased: Boolean(c.erasedAt),
    hasEmail: Boolean(c.emailMasked),
    hasPhone: c.phones.length > 0,
    consents: c.consents,
  };
  return SHEET_CHANNELS.map((channel) => ({ channel, refusal: channelRefusal(who, channel, purpose) }));
}

/** E-mail goes through the outbox; everything else leaves from the guide's own phone. */
export const isOutboxChannel = (c: ContactChannel): c is 'email' => c === 'email';

export function currentPlatform(): Platform {
  if (typeof navigator === 'undefined') return 'other';
  return detectPlatform(navigator.userAgent, navigator.maxTouchPoints ?? 0);
}

/** The link for a phone channel; `number` only for the channels that need it. */
export function linkFor(channel: SheetChannel, text: string, number: string | null, platform: Platform): string | null {
  switch (channel) {
    case 'call':
      return number ? telLink(number) : null;
    case 'sms':
      return number ? smsLink(number, text, platform) : null;
    case 'whatsapp':
      return number ? whatsAppLink(number, text) : null;
    case 'line':
      return lineShareLink(text);
    default:
      return null;
  }
}

/** Copies to the clipboard; falls back to a hidden text area where the Clipboard API is not allowed (plain http). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
