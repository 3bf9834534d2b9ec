// Deciding, for every valid row, whether it creates a customer, updates one or changes nothing — before
// anything is written, so a dry run and the real run agree. Rows match stored customers by member
// number, then phone, then e-mail; a stored value is never blanked by an empty cell.
import { randomUUID } from 'node:crypto';
import type { RejectedRow } from '../../../contracts/imports';
import type { Existing, Lookups } from './import-lookups';
import type { Candidate } from './row-input';
import { diffCandidate, type Patch } from './import-diff';

export type PlannedCreate = { kind: 'create'; id: string; candidate: Candidate; referredById: string | null };
export type PlannedUpdate = { kind: 'update'; id: string; candidate: Candidate; existing: Existing; patch: Patch };
export type Plan = {
  /** In file order. Unchanged rows are counted, not listed. */
  actions: Array<PlannedCreate | PlannedUpdate>;
  unchanged: number[];
  rejected: RejectedRow[];
};

type Matched = { candidate: Candidate; id: string; existing: Existing | null };

const reject = (
  rejected: RejectedRow[],
  c: Candidate,
  field: string,
  message: string,
  code: string,
  params?: Record<string, number>,
) => rejected.push({ line: c.line, field, message, code, ...(params ? { params } : {}) });

// Two rows of one file cannot describe the same customer: a repeated member number, or (rows without
// member numbers) a repeated phone or e-mail, is reported on the later line.
function dropInFileDuplicates(candidates: Candidate[], rejected: RejectedRow[]): Candidate[] {
  const seen = new Map<string, number>();
  return candidates.filter((c) => {
    if (c.memberNo) {
      const at = seen.get(`m:${c.memberNo}`);
      if (at !== undefined) {
        reject(rejected, c, 'memberNo', `The same member number is already on line ${at}`, 'duplicate_member_no', {
          at,
        });
        return false;
      }
      seen.set(`m:${c.memberNo}`, c.line);
    } else {
      const keys = [...c.phones.map((p) => `p:${p.e164}`), ...(c.email ? [`e:${c.email}`] : [])];
      const clash = keys.map((k) => seen.get(k)).find((at) => at !== undefined);
      if (clash !== undefined) {
        reject(
          rejected,
          c,
          c.phones.length ? 'phone' : 'email',
          `The same customer (phone or e-mail) is already on line ${clash}`,
          'duplicate_contact',
          { at: clash },
        );
        return false;
      }
    }
    for (const p of c.phones) if (!seen.has(`p:${p.e164}`)) seen.set(`p:${p.e164}`, c.line);
    if (c.email && !seen.has(`e:${c.email}`)) seen.set(`e:${c.email}`, c.line);
    return true;
  });
}

// A stored customer with another member number is another person who shares a phone or an e-mail.
function matchOne(
  c: Candidate,
  lookups: Lookups,
): { id: string | null; problem?: { field: 'phone' | 'email'; message: string } } {
  if (c.memberNo && lookups.byMemberNo.has(c.memberNo)) return { id: lookups.byMemberNo.get(c.memberNo)! };
  const compatible = (id: string) => {
    const stored = lookups.customers.get(id)?.row.memberNo ?? null;
    return !stored || !c.memberNo || stored === c.memberNo;
  };
  for (const [field, ids] of [
    ['phone', [...new Set(c.phones.flatMap((p) => lookups.byPhone.get(p.e164) ?? []))]],
    ['email', c.email ? (lookups.byEmail.get(c.email) ?? []) : []],
  ] as const) {
    const fits = ids.filter(compatible);
    if (fits.length === 1) return { id: fits[0]! };
    if (fits.length > 1)
      return {
        id: null,
        problem: {
          field,
          message: `Several customers have this ${field === 'phone' ? 'phone number' : 'e-mail'}; add the member number to say which`,
        },
      };
  }
  return { id: null };
}

export function planImport(
  candidates: Candidate[],
  lookups: Lookups,
  scope: { storeIds: readonly string[] },
  initiallyRejected: RejectedRow[] = [],
): Plan {
  const rejected = [...initiallyRejected];
  const unique = dropInFileDuplicates(candidates, rejected);
  const claimed = new Map<string, number>();
  let matched: Matched[] = [];
  for (const c of unique) {
    const { id, problem } = matchOne(c, lookups);
    if (problem) {
      reject(rejected, c, problem.field, problem.message, `ambiguous_${problem.field}`);
      continue;
    }
    const existing = id ? (lookups.customers.get(id) ?? null) : null;
    if (existing && !scope.storeIds.includes(existing.row.storeId)) {
      reject(
        rejected,
        c,
        c.memberNo ? 'memberNo' : 'row',
        'This is a customer of a store you cannot reach',
        'other_store',
      );
      continue;
    }
    if (id && claimed.has(id)) {
      reject(rejected, c, 'row', `This is the same customer as on line ${claimed.get(id)}`, 'same_customer', {
        at: claimed.get(id)!,
      });
      continue;
    }
    if (id) claimed.set(id, c.line);
    matched.push({ candidate: c, id: id ?? randomUUID(), existing });
  }

  // Referrers: a customer with that member number, stored or on a valid row of this file. Dropping a
  // row can orphan rows it referred, so repeat until nothing changes.
  let referrals = new Map<number, string | null>();
  for (let changed = true; changed;) {
    changed = false;
    const inFile = new Map(matched.filter((m) => m.candidate.memberNo).map((m) => [m.candidate.memberNo!, m.id]));
    referrals = new Map();
    matched = matched.filter((m) => {
      const ref = m.candidate.referredByMemberNo;
      if (!ref) return true;
      const refId = inFile.get(ref) ?? lookups.byMemberNo.get(ref);
      if (!refId || refId === m.id) {
        if (refId)
          reject(rejected, m.candidate, 'referredBy', 'A customer cannot be her own referrer', 'self_referral');
        else reject(rejected, m.candidate, 'referredBy', 'No customer has this member number', 'unknown_referrer');
        changed = true;
        return false;
      }
      referrals.set(m.candidate.line, refId);
      return true;
    });
  }

  const actions: Plan['actions'] = [];
  const unchanged: number[] = [];
  for (const m of matched) {
    const referredById = referrals.get(m.candidate.line) ?? null;
    if (!m.existing) {
      actions.push({ kind: 'create', id: m.id, candidate: m.candidate, referredById });
      continue;
    }
    const patch = diffCandidate(m.existing, m.candidate, referredById);
    if (patch.isEmpty) unchanged.push(m.candidate.line);
    else actions.push({ kind: 'update', id: m.id, candidate: m.candidate, existing: m.existing, patch });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { actions, unchanged, rejected };
}
