import { describe, expect, it } from 'vitest';
import { nfkc } from '../../../../domain/search-keys';
import { fileShape, purchaseMapping } from './purchase-headers';
import { parseAmount, parseLine } from './purchase-rows';

const headers = ['receipt_no', 'date', 'member_no', 'style_no', 'product', 'qty', 'price', 'amount'];
const map = purchaseMapping(headers);
const shape = fileShape(map)!;
const shanghai = { currency: 'CNY', timeZone: 'Asia/Shanghai' };
const tokyo = { currency: 'JPY', timeZone: 'Asia/Tokyo' };

describe('parseLine (the per-row fast paths change nothing)', () => {
  it('folds full-width text once, as before, and leaves ASCII as it is', () => {
    expect(nfkc('ST-100')).toBe('ST-100');
    expect(nfkc('ＳＴ－１００')).toBe('ST-100');
    const { row } = parseLine(
      2,
      ['Ｂ１', '２０２５-03-01', ' vip-００１ ', 'ＳＴ1', '衬衫', '１', '¥1,299.00', '1299'],
      map,
      shape,
      shanghai,
    );
    expect(row).toMatchObject({
      receiptNo: 'B1',
      day: '2025-03-01',
      memberNo: 'VIP001',
      styleNo: 'ST1',
      unitPrice: 129900,
    });
  });

  it('parses amounts with and without symbols alike', () => {
    expect(parseAmount('1299')).toBe(1299);
    expect(parseAmount('-12.50')).toBe(-12.5);
    expect(parseAmount('NT$1,299')).toBe(1299);
    expect(parseAmount('１２９９')).toBe(1299);
    expect(parseAmount('12a')).toBeNull();
  });

  it('puts the same date cell in each store’s own zone, and rejects a bad one every time', () => {
    const cells = (d: string | number) => ['B1', d, 'M1', 'ST1', 'x', '1', '10', '10'];
    const a = parseLine(2, cells('2025-03-01 09:30'), map, shape, shanghai).row!;
    const b = parseLine(3, cells('2025-03-01 09:30'), map, shape, tokyo).row!;
    expect(a.occurredAt).toBe('2025-03-01T01:30:00.000Z');
    expect(b.occurredAt).toBe('2025-03-01T00:30:00.000Z');
    expect(parseLine(4, cells('2025-03-01 09:30'), map, shape, shanghai).row!.occurredAt).toBe(a.occurredAt);
    expect(parseLine(5, cells(45717), map, shape, shanghai).row!.day).toBe('2025-03-01'); // an Excel serial
    for (const line of [6, 7])
      expect(parseLine(line, cells('2025-02-30'), map, shape, shanghai).errors).toEqual([
        expect.objectContaining({ line, field: 'date' }),
      ]);
  });
});
