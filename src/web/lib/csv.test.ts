import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs it', () => {
    expect(
      toCsv([
        ['名次', '导购'],
        [1, '王芳, "小芳"'],
        [null, '多行\n备注'],
      ]),
    ).toBe('\uFEFF名次,导购\r\n1,"王芳, ""小芳"""\r\n,"多行\n备注"\r\n');
  });

  it('keeps a spreadsheet from running a name as a formula, but leaves negative numbers alone', () => {
    expect(toCsv([['=HYPERLINK("x")', '+86', -3]])).toBe('\uFEFF"\'=HYPERLINK(""x"")",\'+86,-3\r\n');
  });
});
