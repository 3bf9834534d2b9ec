import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvQuoteError, CsvReader, parseCsvText } from './csv-reader';

const cellsOf = (text: string, d?: string) => parseCsvText(text, d).map((r) => [r.line, ...r.cells]);

function chunked(text: string, cuts: number[]) {
  const r = new CsvReader();
  const out = [];
  let at = 0;
  for (const c of [...new Set(cuts.map((x) => x % (text.length + 1)))].sort((a, b) => a - b)) {
    out.push(...r.push(text.slice(at, c)));
    at = c;
  }
  out.push(...r.push(text.slice(at)), ...r.end());
  return out;
}

describe('CsvReader', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, counting physical lines', () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",z\n\n3,,\r4,"",last';
    expect(cellsOf(text)).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1', 'x, y', 'say "hi"'],
      [3, '2', 'two\nlines', 'z'],
      [6, '3', '', ''],
      [7, '4', '', 'last'],
    ]);
  });

  it('is lenient with quotes inside unquoted fields and text after a closing quote', () => {
    expect(cellsOf('a 5" screen,"b"c,d\n')).toEqual([[1, 'a 5" screen', 'bc', 'd']]);
  });

  it('guesses tab and semicolon delimiters from the first line', () => {
    expect(cellsOf('a\tb\n1\t2')).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
    ]);
    expect(cellsOf('a;b\n1;2,5')).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2,5'],
    ]);
  });

  it('throws on a quote that is never closed', () => {
    expect(() => parseCsvText('a,b\n1,"open\n2,3')).toThrow(CsvQuoteError);
  });

  it('gives the same records whatever the chunks the text arrives in', () => {
    const field = fc.oneof(
      fc.constantFrom('', 'x', '1,5', 'a"b', '"q"', 'l1\nl2', 'l1\r\nl2', '王芳', ' '),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(400), { maxLength: 6 }),
        (rows, eol, cuts) => {
          const text =
            'h1,h2' +
            eol +
            rows
              .map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
              .join(eol);
          const whole = parseCsvText(text);
          expect(chunked(text, cuts)).toEqual(whole);
          expect(whole.slice(1).map((r) => r.cells)).toEqual(rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n'))));
          // Each record starts on the line after the previous one's last physical line.
          let line = 2;
          for (const r of whole.slice(1)) {
            expect(r.line).toBe(line);
            line += 1 + r.cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
          }
        },
      ),
    );
  });
});
