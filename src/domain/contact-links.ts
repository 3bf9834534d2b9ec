// Links that open the guide's own phone with the message filled in: a call, an SMS, WhatsApp, LINE.
// Pure builders; the web app calls them only when the guide taps, so her number never sits in a list.

export type Platform = 'ios' | 'android' | 'other';

/**
 * iPhone and iPad (iPadOS 13+ says "Macintosh" but has a touch screen), Android, or anything else.
 * The SMS body syntax differs between the two phone systems, so this matters.
 */
export function detectPlatform(userAgent: string, maxTouchPoints = 0): Platform {
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'ios';
  if (/Macintosh/i.test(userAgent) && maxTouchPoints > 1) return 'ios';
  if (/Android/i.test(userAgent)) return 'android';
  return 'other';
}

const E164 = /^\+[1-9]\d{5,14}$/;

function assertE164(number: string): string {
  const n = number.trim();
  if (!E164.test(n)) throw new Error('Expected an E.164 number such as +8613800138000');
  return n;
}

/** `tel:+8613800138000`. */
export function telLink(e164: string): string {
  return `tel:${assertE164(e164)}`;
}

/**
 * An SMS with the text filled in. iOS (8 and later) reads the body after `&`
 * (`sms:+81…&body=…`) and ignores a `?body=`; Android and the rest follow RFC 5724 (`sms:+81…?body=…`).
 * The body is percent-encoded as UTF-8, so Chinese, Japanese, emoji and line breaks survive.
 */
export function smsLink(e164: string, body: string, platform: Platform): string {
  const to = assertE164(e164);
  if (!body) return `sms:${to}`;
  const separator = platform === 'ios' ? '&' : '?';
  return `sms:${to}${separator}body=${encodeURIComponent(body)}`;
}

/** `https://wa.me/<digits>?text=…`: WhatsApp wants the full number without `+`, spaces or dashes. */
export function whatsAppLink(e164: string, text: string): string {
  const digits = assertE164(e164).slice(1);
  return text ? `https://wa.me/${digits}?text=${encodeURIComponent(text)}` : `https://wa.me/${digits}`;
}

/** LINE's share screen with the text filled in; the guide picks her in LINE, so no number is needed. */
export function lineShareLink(text: string): string {
  return `https://line.me/R/share?text=${encodeURIComponent(text)}`;
}

/** The channels that need her phone number in the link (LINE and WeChat do not). */
export function needsPhoneNumber(channel: string): boolean {
  return channel === 'call' || channel === 'sms' || channel === 'whatsapp';
}
