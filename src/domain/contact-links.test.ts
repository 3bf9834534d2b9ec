import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectPlatform, lineShareLink, needsPhoneNumber, smsLink, telLink, whatsAppLink } from './contact-links';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';
const WECHAT_ANDROID = `${ANDROID} MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64`;

describe('detectPlatform', () => {
  it.each([
    [IPHONE, 0, 'ios'],
    [IPAD_DESKTOP_MODE, 5, 'ios'],
    [IPAD_DESKTOP_MODE, 0, 'other'], // a real Mac
    [ANDROID, 5, 'android'],
    [WECHAT_ANDROID, 5, 'android'],
    ['Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0', 0, 'other'],
  ] as const)('%s (touch points %d) is %s', (ua, touch, expected) => {
    expect(detectPlatform(ua, touch)).toBe(expected);
  });
});

describe('phone links', () => {
  it('calls the number as dialled internationally', () => {
    expect(telLink('+8613800138000')).toBe('tel:+8613800138000');
    expect(() => telLink('138 0013 8000')).toThrow(/E\.164/);
    expect(() => telLink('+86138"><script>')).toThrow();
  });

  it('writes the SMS body after & on iOS and after ? elsewhere, percent-encoded', () => {
    const body = '王女士，生日快乐！\n祝您心想事成 & 平安';
    const enc =
      '%E7%8E%8B%E5%A5%B3%E5%A3%AB%EF%BC%8C%E7%94%9F%E6%97%A5%E5%BF%AB%E4%B9%90%EF%BC%81%0A%E7%A5%9D%E6%82%A8%E5%BF%83%E6%83%B3%E4%BA%8B%E6%88%90%20%26%20%E5%B9%B3%E5%AE%89';
    expect(smsLink('+8613800138000', body, 'ios')).toBe(`sms:+8613800138000&body=${enc}`);
    expect(smsLink('+8613800138000', body, 'android')).toBe(`sms:+8613800138000?body=${enc}`);
    expect(smsLink('+8613800138000', body, 'other')).toBe(`sms:+8613800138000?body=${enc}`);
    expect(smsLink('+819012345678', '', 'ios')).toBe('sms:+819012345678');
  });

  it('gives WhatsApp the digits only and LINE no number at all', () => {
    expect(whatsAppLink('+886912345678', 'お誕生日おめでとうございます')).toBe(
      `https://wa.me/886912345678?text=${encodeURIComponent('お誕生日おめでとうございます')}`,
    );
    expect(whatsAppLink('+886912345678', '')).toBe('https://wa.me/886912345678');
    expect(lineShareLink('季節の変わり目、どうぞご自愛ください')).toBe(
      `https://line.me/R/share?text=${encodeURIComponent('季節の変わり目、どうぞご自愛ください')}`,
    );
    expect(['call', 'sms', 'whatsapp', 'line', 'wechat'].filter(needsPhoneNumber)).toEqual(['call', 'sms', 'whatsapp']);
  });

  it('round-trips any text through every link unchanged, and never lets it break out of the parameter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        for (const link of [
          smsLink('+8613800138000', text, 'ios'),
          smsLink('+8613800138000', text, 'android'),
          whatsAppLink('+8613800138000', text),
          lineShareLink(text),
        ]) {
          if (!text) continue;
          const [, encoded] = link.split(/[?&](?:body|text)=/);
          expect(encoded).toBeDefined();
          expect(encoded).not.toMatch(/[&?#\s]/);
          expect(decodeURIComponent(encoded!)).toBe(text);
        }
      }),
    );
  });
});
