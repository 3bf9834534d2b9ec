// Parser for the public CDNOW purchase files (../shared/data/cdnow/README.md): whitespace-separated
// columns, dates as YYYYMMDD. The master file has `id date cds dollars`; the 1/10 sample has
// `masterId sampleId date cds dollars`. Pure: the caller reads the file.
import type { Transaction } from './rfm-summary';

export type CdnowFormat = 'master' | 'sample';

export function parseCdnow(text: string, format: CdnowFormat): Transaction[] {
  const out: Transaction[] = [];
  const columns = format === 'master' ? 4 : 5;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < columns || f[0] === '') continue;
    const [id, date, amount] = format === 'master' ? [f[0]!, f[1]!, f[3]!] : [f[1]!, f[2]!, f[4]!];
    out.push({
      customerId: id,
      date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      amount: Number(amount),
    });
  }
  return out;
}

/** The literature's CDNOW calibration period ends here (week 39); the hold-out runs to week 78. */
export const CDNOW_CALIBRATION_END = '1997-09-30';
export const CDNOW_HOLDOUT_END = '1998-06-30';
