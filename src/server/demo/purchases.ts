// Demo purchases: receipts of 1–3 lines drawn with Pareto weights and seasonality, with some returns.
import type { DemoContext } from './generate';
import { insertBatches } from './batches';
import { receiptLines, receipts } from '../db/schema';
import { DEMO_PRODUCTS, localPrice } from './catalogue';

export async function generatePurchases(
  ctx: DemoContext,
): Promise<{ lines: number; receiptCount: number; returns: number }> {
  const { db, orgId, opts, r, pick, progress, stamp, now, storeList, cust, productIds, cats } = ctx;
  const DAY = 86_400_000;
  // Purchases: receipts of 1–3 lines until the wanted number of lines; busier in spring and before winter.
  const totalWeight = cust.reduce((s, c) => s + c.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const c of cust) cumulative.push((acc += c.weight / totalWeight));
  const drawCustomer = () => {
    const x = r();
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return cust[lo]!;
  };
  const seasonal = () => {
    for (;;) {
      const t = now - Math.floor(r() * 730) * DAY - Math.floor(r() * 10 * 3600_000);
      const m = new Date(t).getUTCMonth();
      const boost = m === 2 || m === 3 || m === 10 || m === 11 ? 1 : 0.55;
      if (r() < boost) return t;
    }
  };
  let lines = 0,
    receiptCount = 0,
    returns = 0;
  let batchR: Array<typeof receipts.$inferInsert> = [];
  let batchL: Array<typeof receiptLines.$inferInsert> = [];
  const flush = async () => {
    await insertBatches(db, receipts, batchR, 1000);
    await insertBatches(db, receiptLines, batchL, 1000);
    batchR = [];
    batchL = [];
    progress('purchase lines', lines, opts.purchases);
  };
  while (lines < opts.purchases && cust.length) {
    const c = r() < 0.1 ? null : drawCustomer();
    const store = c?.store ?? pick(storeList);
    const at = Math.max(seasonal(), c?.createdAt ?? 0);
    const id = crypto.randomUUID();
    const n = Math.min(opts.purchases - lines, 1 + Math.floor(r() * r() * 3));
    let list = 0,
      disc = 0,
      paid = 0;
    const saleLines: Array<typeof receiptLines.$inferInsert> = [];
    for (let k = 0; k < n; k++) {
      const prod = pick(DEMO_PRODUCTS);
      const price = localPrice(prod.priceCny, store.currency);
      const qty = r() < 0.9 ? 1 : 2;
      const discount = r() < 0.3 ? Math.round(price * qty * pick([0.1, 0.2, 0.25])) : 0;
      list += price * qty;
      disc += discount;
      paid += price * qty - discount;
      saleLines.push({
        id: crypto.randomUUID(),
        orgId,
        receiptId: id,
        lineNo: k + 1,
        productId: productIds.get(prod.styleNo) ?? null,
        styleNo: prod.styleNo,
        productName: prod.name[store.locale as 'zh-CN'] ?? prod.name['zh-CN'],
        categoryId: cats.get(prod.category) ?? null,
        size: pick(['S', 'M', 'L']),
        colour: pick(['黑', '米白', '藏青', '酒红']),
        quantity: qty,
        unitListPrice: price,
        discount,
        paidAmount: price * qty - discount,
      });
    }
    batchR.push({
      id,
      orgId,
      storeId: store.id,
      customerId: c?.id ?? null,
      sellerId: store.guides.length ? pick(store.guides) : null,
      receiptNo: `D${stamp}-${++receiptCount}`,
      kind: 'sale',
      occurredAt: new Date(at),
      currency: store.currency,
      totalList: list,
      totalDiscount: disc,
      totalPaid: paid,
      paymentMethod: pick(['card', 'wechat_pay', 'alipay', 'cash']),
      source: 'demo',
    });
    batchL.push(...saleLines);
    lines += saleLines.length;
    if (c && r() < 0.05) {
      const line = saleLines[0]!;
      const rid = crypto.randomUUID();
      returns++;
      batchR.push({
        id: rid,
        orgId,
        storeId: store.id,
        customerId: c.id,
        receiptNo: `D${stamp}-${receiptCount}-R`,
        kind: 'return',
        originalReceiptId: id,
        occurredAt: new Date(Math.min(now, at + 3 * DAY)),
        currency: store.currency,
        totalList: -(line.unitListPrice * line.quantity),
        totalDiscount: 0,
        totalPaid: -line.paidAmount,
        paymentMethod: 'card',
        source: 'demo',
      });
      batchL.push({
        orgId,
        receiptId: rid,
        lineNo: 1,
        styleNo: line.styleNo,
        productName: line.productName,
        quantity: -line.quantity,
        unitListPrice: line.unitListPrice,
        discount: 0,
        paidAmount: -line.paidAmount,
        originalLineId: line.id,
      });
    }
    if (batchL.length >= 5000) await flush();
  }
  await flush();

  return { lines, receiptCount, returns };
}
