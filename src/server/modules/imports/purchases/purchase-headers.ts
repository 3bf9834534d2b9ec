// Column names of POS exports in Chinese, Japanese and English, for the purchase import.
import { normalizeHeader } from '../headers';

export type PurchaseField =
  | 'receiptNo'
  | 'occurredAt'
  | 'memberNo'
  | 'phone'
  | 'customerName'
  | 'styleNo'
  | 'productName'
  | 'category'
  | 'size'
  | 'colour'
  | 'quantity'
  | 'unitPrice'
  | 'discount'
  | 'paidAmount'
  | 'paymentMethod'
  | 'kind';

const ALIASES: Record<PurchaseField, string[]> = {
  receiptNo: [
    'receipt_no',
    'receipt no',
    'receipt',
    'ticket',
    '小票号',
    '小票',
    '单号',
    '單號',
    '收据号',
    '收據號',
    '銷售單號',
    '销售单号',
    'レシート番号',
    'レシートno',
    '伝票番号',
  ],
  occurredAt: [
    'date',
    'datetime',
    'time',
    'sold_at',
    '日期',
    '销售日期',
    '銷售日期',
    '消费日期',
    '消費日期',
    '时间',
    '時間',
    '日時',
    '売上日',
    '購入日',
    '日付',
  ],
  memberNo: ['member_no', 'member no', 'member', '会员号', '会员卡号', '會員號', '會員卡號', '会員番号', '会員no'],
  phone: ['phone', 'mobile', '手机', '手機', '电话', '電話', '電話番号'],
  customerName: ['customer', 'name', '顾客姓名', '顧客姓名', '姓名', '氏名', '顧客名'],
  styleNo: ['style_no', 'style no', 'sku', 'style', '款号', '款號', '货号', '貨號', '品番', '商品コード'],
  productName: ['product', 'product_name', 'item', '品名', '商品名', '商品名称', '商品名稱', '商品'],
  category: ['category', '类别', '類別', '品类', '品類', 'カテゴリ', '分類'],
  size: ['size', '尺码', '尺碼', 'サイズ'],
  colour: ['colour', 'color', '颜色', '顏色', 'カラー', '色'],
  quantity: ['quantity', 'qty', '数量', '數量', '件数'],
  unitPrice: ['unit_price', 'price', 'list_price', '单价', '單價', '吊牌价', '吊牌價', '単価', '定価'],
  discount: ['discount', '折扣', '折扣额', '折扣額', '优惠', '優惠', '値引', '値引額', '割引'],
  paidAmount: [
    'amount',
    'paid',
    'paid_amount',
    'total',
    '实付',
    '實付',
    '实收',
    '實收',
    '金额',
    '金額',
    '支払額',
    '売上金額',
    '合計',
  ],
  paymentMethod: ['payment', 'payment_method', '支付方式', '付款方式', '支払方法'],
  kind: ['type', 'kind', '类型', '類型', '单据类型', '單據類型', '区分', '取引区分'],
};

const EXACT = new Map<string, PurchaseField>();
for (const [field, aliases] of Object.entries(ALIASES) as Array<[PurchaseField, string[]]>) {
  for (const a of aliases) EXACT.set(normalizeHeader(a), field);
}

export function recognizePurchaseHeader(header: string): PurchaseField | null {
  const h = normalizeHeader(header);
  return EXACT.get(h) ?? EXACT.get(h.replace(/\d+$/, '')) ?? null;
}

/** Column index per field (first column wins). */
export function purchaseMapping(headers: string[]): Partial<Record<PurchaseField, number>> {
  const map: Partial<Record<PurchaseField, number>> = {};
  headers.forEach((h, i) => {
    const f = recognizePurchaseHeader(h);
    if (f && map[f] === undefined) map[f] = i;
  });
  return map;
}

export type FileShape = 'lines' | 'receipts';

/** Line-level exports name products; receipt-level files only carry a total per receipt. */
export function fileShape(map: Partial<Record<PurchaseField, number>>): FileShape | null {
  if (map.receiptNo === undefined) return null;
  if (map.styleNo !== undefined || map.productName !== undefined || map.quantity !== undefined) return 'lines';
  if (map.paidAmount !== undefined) return 'receipts';
  return null;
}

const RETURN_WORDS = /退货|退貨|退款|返品|返金|return|refund/iu;
export const isReturnMarker = (text: string) => RETURN_WORDS.test(text);
