// Builds the search keys of a customer and runs the search box query against them.
// Keys are prefix-searched on a text_pattern_ops index, so every query is an index range scan:
// rank 0 keys are whole forms (张伟, zhangwei, zw, weizhang, やまだはなこ, yamadahanako, member number,
// e-mail); rank 1 keys are later parts of a Han or kana name (伟), for "any part of the name".
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { buildNameSearchText, foldHan, normalizeMemberNo, normalizeQuery } from '../../../domain/search-keys';
import type { Db } from '../../db/client';
import { customerSearchKeys } from '../../db/schema';
import { rows } from '../../db/client';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CANDIDATES_PER_FORM = 300;

export type SearchKeySource = {
  familyName: string;
  givenName: string | null;
  reading: string | null;
  memberNo: string | null;
  email: string | null;
};

export function searchKeysOf(c: SearchKeySource): Array<{ key: string; rank: number }> {
  const keys = new Map<string, number>();
  const add = (key: string, rank: number) => {
    if (!key) return;
    const k = key.slice(0, 200);
    if (!keys.has(k) || keys.get(k)! > rank) keys.set(k, rank);
  };
  const tokens = buildNameSearchText({
    familyName: c.familyName,
    givenName: c.givenName ?? '',
    reading: c.reading,
  }).split(' ');
  for (const token of tokens) {
    add(token, 0);
    if (CJK.test(token)) {
      const chars = [...token];
      for (let i = 1; i < chars.length; i++) add(chars.slice(i).join(''), 1);
    }
  }
  if (c.memberNo) add(normalizeMemberNo(c.memberNo), 0);
  if (c.email) add(c.email.trim().toLowerCase(), 0);
  return [...keys].map(([key, rank]) => ({ key, rank }));
}

export async function writeSearchKeys(
  db: Db,
  orgId: string,
  customerId: string,
  storeId: string,
  c: SearchKeySource | null,
) {
  await db.delete(customerSearchKeys).where(and(eq(customerSearchKeys.customerId, customerId)));
  if (!c) return;
  const keys = searchKeysOf(c);
  if (keys.length) await db.insert(customerSearchKeys).values(keys.map((k) => ({ orgId, customerId, storeId, ...k })));
}

export type SearchPage = { hits: Array<{ customerId: string; score: number }>; hasMore: boolean };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * One page of customers matching the search box, best first (3 exact, 2 prefix, 1 partial, then by
 * name), ranked and paged inside the database so only the page's rows travel.
 */
export async function searchCustomerPage(
  db: Db,
  orgId: string,
  storeIds: string[],
  q: string,
  extra: SQL,
  offset: number,
  limit: number,
): Promise<SearchPage> {
  const parsed = normalizeQuery(q);
  const interpretations = [parsed, ...parsed.alternatives];
  const keyForms = new Set<string>();
  let phoneDigits: string | null = null;
  for (const i of interpretations) {
    if (i.kind === 'phone_tail') phoneDigits = i.value;
    else if (i.kind === 'text') for (const f of i.forms ?? [i.value]) keyForms.add(f);
    else keyForms.add(i.value);
  }
  if (parsed.kind === 'text' && keyForms.size === 0) keyForms.add(foldHan(q));
  if (storeIds.length === 0) return { hits: [], hasMore: false };
  const stores = sql`array[${sql.join(
    storeIds.map((s) => sql`${s}::uuid`),
    sql`, `,
  )}]`;
  const parts = [...keyForms]
    .filter((f) => f.length > 0)
    .map(
      (
        form,
      ) => sql`(select customer_id, case when rank = 0 and key = ${form} then 3 when rank = 0 then 2 else 1 end as score
        from customer_search_keys
        where org_id = ${orgId} and key like ${escapeLike(form) + '%'} and store_id = any(${stores})
        order by key limit ${CANDIDATES_PER_FORM})`,
    );
  if (phoneDigits) {
    const reversed = [...phoneDigits].reverse().join('');
    parts.push(sql`(select customer_id, case when length(reversed_digits) = ${reversed.length} then 3 else 2 end as score
      from customer_phones p
      where p.org_id = ${orgId} and p.reversed_digits like ${reversed + '%'}
      limit ${CANDIDATES_PER_FORM})`);
  }
  if (parts.length === 0) return { hits: [], hasMore: false };
  const found = await rows<{ customer_id: string; score: number }>(
    db,
    sql`select h.customer_id, h.score from (
          select customer_id, max(score)::int as score from (${sql.join(parts, sql` union all `)}) u group by customer_id
        ) h join customers c on c.id = h.customer_id
        where c.store_id = any(${stores}) and ${extra}
        order by h.score desc, c.display_name, c.id
        limit ${limit + 1} offset ${offset}`,
  );
  return {
    hits: found.slice(0, limit).map((r) => ({ customerId: r.customer_id, score: r.score })),
    hasMore: found.length > limit,
  };
}
