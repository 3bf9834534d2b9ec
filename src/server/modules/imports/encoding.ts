// Which character set a CSV file is written in. Spreadsheets saved in Chinese and Japanese offices are
// UTF-8 (with or without a BOM), GB18030/GBK, Big5 or Shift_JIS, and none of them says so. A BOM or a
// strict UTF-8 decode settles most files; otherwise each legacy candidate is decoded and scored by how
// many of its characters are common ones (the first-level characters of GB2312, Big5 and JIS X 0208,
// kana, CJK punctuation) rather than rare characters, replacement marks or stray control codes.
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'gb18030' | 'big5' | 'shift_jis' | 'utf-16le' | 'utf-16be';
export const LEGACY_ENCODINGS = ['gb18030', 'big5', 'shift_jis'] as const;
type Legacy = (typeof LEGACY_ENCODINGS)[number];

export type Detection = { encoding: Encoding; bom: boolean; scores?: Record<Legacy, number> };

/** The legacy encoding a store's country most likely uses; breaks ties between close scores. */
export function encodingHintFor(country: string | null | undefined): Legacy | undefined {
  if (!country) return undefined;
  if (country === 'JP') return 'shift_jis';
  if (country === 'TW' || country === 'HK' || country === 'MO') return 'big5';
  return 'gb18030';
}

let commonChars: Set<number> | null = null;

// Decodes the byte ranges of each standard's most common characters once, so "common" means the same
// thing for all three candidates without shipping a frequency table.
function common(): Set<number> {
  if (commonChars) return commonChars;
  const set = new Set<number>();
  const addRange = (encoding: string, leads: [number, number], trails: Array<[number, number]>) => {
    for (let lead = leads[0]; lead <= leads[1]; lead++) {
      for (const [from, to] of trails) {
        for (let trail = from; trail <= to; trail++) {
          const ch = iconv.decode(Buffer.from([lead, trail]), encoding);
          const cp = ch.codePointAt(0);
          if (cp !== undefined && cp !== 0xfffd && [...ch].length === 1) set.add(cp);
        }
      }
    }
  };
  addRange('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]]); // GB2312 level 1: 3,755 most used simplified characters
  addRange(
    'big5',
    [0xa4, 0xc6],
    [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ],
  ); // Big5 常用字: 5,401 most used traditional characters
  addRange(
    'shift_jis',
    [0x88, 0x98],
    [
      [0x40, 0x7e],
      [0x80, 0xfc],
    ],
  ); // JIS level 1 kanji
  for (let cp = 0x3040; cp <= 0x30ff; cp++) set.add(cp); // hiragana and katakana
  for (let cp = 0x3000; cp <= 0x303f; cp++) set.add(cp); // CJK punctuation
  for (let cp = 0xff01; cp <= 0xff5e; cp++) set.add(cp); // full-width ASCII
  for (const ch of '○×〇々ー・「」『』【】〒￥') set.add(ch.codePointAt(0)!);
  commonChars = set;
  return set;
}

/** Higher is more plausible: +1 per common character, −1 per rare one, −5 per replacement or control character. */
export function plausibility(text: string): number {
  const set = common();
  let score = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (
      cp === 0xfffd ||
      (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
      (cp >= 0x80 && cp < 0xa0) ||
      (cp >= 0xe000 && cp <= 0xf8ff)
    )
      score -= 5;
    else if (cp < 0x80) continue;
    else if (set.has(cp)) score += 1;
    else score -= 1;
  }
  return score;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Scoring the first 64 KiB is plenty for a header and hundreds of rows, and keeps large files quick.
const SAMPLE_BYTES = 64 * 1024;

/** Detects the character set of a text file's bytes. Pure; unit-tested with fixtures in each encoding. */
export function detectEncoding(bytes: Uint8Array, hint?: Legacy): Detection {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  let sample = bytes.subarray(0, SAMPLE_BYTES);
  if (isUtf8(bytes)) return { encoding: 'utf-8', bom: false };
  // A cut multi-byte character at the sample's end must not count against a candidate.
  while (sample.length > 0 && sample.length < bytes.length && sample[sample.length - 1]! >= 0x80)
    sample = sample.subarray(0, sample.length - 1);
  const scores = Object.fromEntries(
    LEGACY_ENCODINGS.map((e) => [e, plausibility(iconv.decode(Buffer.from(sample), e))]),
  ) as Record<Legacy, number>;
  const ranked = [...LEGACY_ENCODINGS].sort(
    (a, b) => scores[b] - scores[a] || (b === hint ? 1 : 0) - (a === hint ? 1 : 0),
  );
  return { encoding: ranked[0]!, bom: false, scores };
}

/** Decodes bytes in a detected encoding, without the BOM. */
export function decodeText(bytes: Uint8Array, detection: Detection): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (detection.encoding === 'utf-8')
    return new TextDecoder('utf-8').decode(detection.bom ? buffer.subarray(3) : buffer);
  return iconv.decode(buffer, detection.encoding, { stripBOM: true });
}
