// The import's decisions without a database: rows → candidates → plan against given lookups.
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../contracts/imports';
import type { CustomerRow } from '../customers/customers.mapping';
import type { Existing, Lookups } from './import-lookups';
import { planImport } from './import-plan';
import { rowToCandidate, type Candidate } from './row-input';

const STORE = '00000000-0000-4000-8000-000000000001';
const OTHER_STORE = '00000000-0000-4000-8000-000000000002';
const ctx = { storeId: STORE, country: 'CN', locale: 'zh-CN', today: '2026-05-01' };
const mapping: ColumnMapping = ['memberNo', 'name', 'phone', 'email', 'birthday', 'referredBy', 'consentCare'];

function rows(list: string[][]) {
  const candidates: Candidate[] = [];
  const rejected = [];
  for (const [i, cells] of list.entries()) {
    const r = rowToCandidate({ line: i + 2, cells }, mapping, ctx);
    if (r.candidate) candidates.push(r.candidate);
    rejected.push(...r.errors);
  }
  return { candidates, rejected };
}

function stored(
  id: string,
  over: Partial<CustomerRow>,
  phones: string[] = [],
  consents: Array<[string, boolean]> = [],
): Existing {
  const row = {
    id,
    storeId: STORE,
    memberNo: null,
    familyName: '张',
    givenName: '伟',
    reading: 'Zhang Wei',
    gender: null,
    birthday: null,
    email: null,
    lunarBirthMonth: null,
    lunarBirthDay: null,
    lunarBirthLeap: false,
    lunarBirthYear: null,
    addresses: [],
    profile: {},
    referredById: null,
    version: 1,
    ...over,
  } as unknown as CustomerRow;
  return { row, phones, customCount: 0, consents: new Map(consents) };
}

function lookups(list: Existing[]): Lookups {
  const l: Lookups = { byMemberNo: new Map(), byPhone: new Map(), byEmail: new Map(), customers: new Map() };
  for (const e of list) {
    l.customers.set(e.row.id, e);
    if (e.row.memberNo) l.byMemberNo.set(e.row.memberNo, e.row.id);
    for (const p of e.phones) l.byPhone.set(p, [...(l.byPhone.get(p) ?? []), e.row.id]);
    if (e.row.email) l.byEmail.set(e.row.email, [e.row.id]);
  }
  return l;
}

describe('rowToCandidate', () => {
  it('reports every bad cell of a row with its line and field', () => {
    const { candidates, rejected } = rows([['A1', '', '12', 'nope', '2023-02-30', '', 'maybe']]);
    expect(candidates).toEqual([]);
    expect(rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'name'],
      [2, 'birthday'],
      [2, 'consentCare'],
      [2, 'phone'],
      [2, 'email'],
    ]);
    expect(rejected.find((r) => r.field === 'birthday')!.message).toMatch(/2023-02-30.*not a real date/);
    expect(JSON.stringify(rejected)).not.toContain('nope'); // no personal values in messages
  });

  it('normalises phones, member numbers and e-mails', () => {
    const { candidates } = rows([
      ['vip-0012', '欧阳娜娜', '１３９ ００１３ ９００１', 'Nana@Example.CN', '1990/5/6', '', '是'],
    ]);
    expect(candidates[0]).toMatchObject({
      memberNo: 'VIP0012',
      familyName: '欧阳',
      givenName: '娜娜',
      email: 'nana@example.cn',
      birthday: '1990-05-06',
      consent: { care: true, marketing: null },
    });
    expect(candidates[0]!.phones.map((p) => p.e164)).toEqual(['+8613900139001']);
  });
});

describe('planImport', () => {
  it('matches by member number, then phone, then e-mail, and counts unchanged rows', () => {
    const { candidates } = rows([
      ['A1', '张伟', '13800138000', '', '', '', ''],
      ['', '李静', '13700137002', '', '', '', ''],
      ['', '王芳', '', 'wang@example.cn', '1980-01-01', '', ''],
      ['A4', '赵敏', '', '', '', '', ''],
    ]);
    const l = lookups([
      stored('c1', { memberNo: 'A1' }, ['+8613800138000']),
      stored('c2', { familyName: '李', givenName: '静' }, ['+8613700137002']),
      stored('c3', { familyName: '王', givenName: '芳', email: 'wang@example.cn' }),
    ]);
    const plan = planImport(candidates, l, { storeIds: [STORE] });
    expect(plan.unchanged).toEqual([2, 3]);
    expect(
      plan.actions.map((a) => [
        a.candidate.line,
        a.kind,
        a.kind === 'update' ? a.patch.changes.map((c) => c.field) : [],
      ]),
    ).toEqual([
      [4, 'update', ['birthday']],
      [5, 'create', []],
    ]);
  });

  it('never blanks a stored value, adds new phones, and fills a missing member number', () => {
    const { candidates } = rows([['A9', '张伟', '13900139009', '', '', '', '']]);
    const l = lookups([stored('c1', { email: 'zw@example.cn', birthday: '1985-03-12' }, ['+8613800138000'])]);
    l.byEmail.clear();
    l.byPhone.set('+8613900139009', ['c1']);
    const [action] = planImport(candidates, l, { storeIds: [STORE] }).actions;
    expect(action?.kind).toBe('update');
    if (action?.kind !== 'update') return;
    expect(action.patch.columns).toEqual({ memberNo: 'A9' });
    expect(action.patch.addPhones.map((p) => p.e164)).toEqual(['+8613900139009']);
  });

  it('does not take someone with another member number for her because they share a phone', () => {
    const { candidates } = rows([['B2', '张丽', '13800138000', '', '', '', '']]);
    const plan = planImport(candidates, lookups([stored('c1', { memberNo: 'B1' }, ['+8613800138000'])]), {
      storeIds: [STORE],
    });
    expect(plan.actions.map((a) => a.kind)).toEqual(['create']);
  });

  it('reports in-file duplicates, ambiguous and out-of-reach matches, and unknown referrers', () => {
    const { candidates } = rows([
      ['A1', '张伟', '13800138000', '', '', '', ''],
      ['A1', '张伟', '13800138001', '', '', '', ''],
      ['', '李静', '13700137002', '', '', '', ''],
      ['', '李静', '13700137002', '', '', '', ''],
      ['', '王芳', '13600136003', '', '', '', ''],
      ['C1', '赵敏', '', '', '', '', ''],
      ['A7', '钱多', '', '', '', 'ZZZ', ''],
      ['A8', '孙丽', '', '', '', 'A1', ''],
      ['A9', '周杰', '', '', '', 'A9', ''],
    ]);
    const l = lookups([
      stored('s1', { familyName: '王' }, ['+8613600136003']),
      stored('s2', { familyName: '王' }, ['+8613600136003']),
      stored('o1', { memberNo: 'C1', storeId: OTHER_STORE }),
    ]);
    const plan = planImport(candidates, l, { storeIds: [STORE] });
    expect(plan.rejected.map((r) => [r.line, r.field])).toEqual([
      [3, 'memberNo'],
      [5, 'phone'],
      [6, 'phone'],
      [7, 'memberNo'],
      [8, 'referredBy'],
      [10, 'referredBy'],
    ]);
    expect(plan.rejected[0]!.message).toBe('The same member number is already on line 2');
    const referred = plan.actions.find((a) => a.candidate.line === 9);
    expect(referred?.kind === 'create' && referred.referredById).toBe(
      plan.actions.find((a) => a.candidate.line === 2)!.id,
    );
  });

  it('drops a row whose in-file referrer was rejected', () => {
    const { candidates } = rows([
      ['R1', '甲', '', '', '', 'R0', ''],
      ['R2', '乙', '', '', '', 'R1', ''],
      ['R3', '丙', '', '', '', 'R2', ''],
    ]);
    const plan = planImport(candidates, lookups([]), { storeIds: [STORE] });
    expect(plan.rejected.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('records a consent where none is stored and an opt-out, but never overrides an opt-out', () => {
    const { candidates } = rows([
      ['A1', '张伟', '13800138000', '', '', '', '是'],
      ['A2', '李静', '13700137002', '', '', '', '否'],
    ]);
    const l = lookups([
      stored('c1', { memberNo: 'A1' }, ['+8613800138000'], [['sms:care', false]]),
      stored(
        'c2',
        { memberNo: 'A2', familyName: '李', givenName: '静' },
        ['+8613700137002'],
        [
          ['sms:care', true],
          ['phone:care', true],
        ],
      ),
    ]);
    const plan = planImport(candidates, l, { storeIds: [STORE] });
    const consents = Object.fromEntries(
      plan.actions.map((a) => [a.candidate.line, a.kind === 'update' ? a.patch.consents : []]),
    );
    expect(consents[2]).toEqual([{ channel: 'phone', purpose: 'care', granted: true }]);
    expect(consents[3]).toEqual([
      { channel: 'sms', purpose: 'care', granted: false },
      { channel: 'phone', purpose: 'care', granted: false },
    ]);
  });
});
