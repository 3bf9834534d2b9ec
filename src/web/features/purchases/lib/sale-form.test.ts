import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { buildSale, newLine, serverErrors, suggestReceiptNo, totals, type SaleValues } from './sale-form';

const ctx = {
  storeId: '8d4f6c3e-0b1a-4f5e-9c2d-1a2b3c4d5e6f',
  customerId: '1d4f6c3e-0b1a-4f5e-9c2d-1a2b3c4d5e6f',
  currency: 'CNY',
  occurredAt: undefined,
};
const sale = (lines: Array<Partial<ReturnType<typeof newLine>>>): SaleValues => ({
  receiptNo: 'S-1',
  paymentMethod: 'cash',
  day: '2025-05-03',
  lines: lines.map((l) => ({ ...newLine(), ...l })),
});

describe('the sale form', () => {
  it('turns major units into minor units and totals the lines', () => {
    const v = sale([
      { styleNo: 'DR-01', productName: '真丝连衣裙', quantity: 1, listPrice: 1599 },
      { productName: '羊皮夹克', quantity: 2, listPrice: '3200.5', discount: 200 },
    ]);
    const { body, errors } = buildSale(v, ctx);
    expect(errors).toEqual({});
    expect(body?.lines.map((l) => [l.unitListPrice, l.discount, l.quantity])).toEqual([
      [159_900, 0, 1],
      [320_050, 20_000, 2],
    ]);
    expect(totals(v.lines, 'CNY')).toEqual({ list: 159_900 + 640_100, discount: 20_000, paid: 159_900 + 620_100 });
    expect(
      buildSale(sale([{ productName: 'x', listPrice: 3800 }]), { ...ctx, currency: 'JPY' }).body?.lines[0]
        ?.unitListPrice,
    ).toBe(3800);
  });

  it('keys its own problems by line and field', () => {
    const { body, errors } = buildSale(
      sale([{ productName: 'ok', listPrice: 10 }, { listPrice: '' }, { productName: 'x', listPrice: 1, discount: 5 }]),
      ctx,
    );
    expect(body).toBeNull();
    expect(errors).toEqual({
      'lines.1.productName': 'purchases.errors.nameOrStyle',
      'lines.1.unitListPrice': 'errors:field.required',
      'lines.2.discount': 'purchases.errors.too_much_discount',
    });
  });

  it('places server field errors under the line fields they name', () => {
    const err = new ApiError(400, {
      type: 'about:blank',
      title: 'validation_failed',
      status: 400,
      code: 'validation_failed',
      detail: 'x',
      fields: [
        { field: 'body.lines.1.category', code: 'unknown_category', message: 'Unknown category' },
        { field: 'body.lines.0.discount', code: 'custom', message: 'The discount is larger than the line' },
        { field: 'body.receiptNo', code: 'too_big', message: 'Too long' },
      ],
    });
    expect(serverErrors(err)).toEqual({
      'lines.1.category': 'purchases.errors.unknown_category',
      'lines.0.discount': 'purchases.errors.too_much_discount',
      receiptNo: 'errors:field.too_long',
    });
  });

  it('suggests a receipt number from the store code and the store clock', () => {
    expect(suggestReceiptNo('SH01', new Date('2025-05-03T17:30:00Z'), 'Asia/Shanghai')).toMatch(
      /^SH01-250504-0130[0-9A-Z]{2}$/,
    );
  });
});
