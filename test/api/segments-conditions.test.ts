// Segment conditions through app.inject on a real database: every kind of condition, nested groups,
// dates relative to each store's today (a lunar birthday next month among them), store isolation and
// validation errors with field paths. The customers are described in test/helpers/segments.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../helpers/app';
import { BIRTHDAY_NEXT, createSegmentsTestApp, DRIFTING, GOLD_UP, names, preview, SMS } from '../helpers/segments';

let t: TestApp;
let owner: Client;
let staffA: Client;
let staffB: Client;
let staffAId: string;
let storeB: string;
let vipTag: string;

beforeAll(async () => {
  ({ t, owner, staffA, staffB, staffAId, storeB, vipTag } = await createSegmentsTestApp());
});
afterAll(() => t.close());

describe('segment conditions', () => {
  it('finds "gold or above, drifting, birthday next month, consents to SMS" in each store by its own today', async () => {
    const p = await preview(owner, { conditions: [GOLD_UP, DRIFTING, BIRTHDAY_NEXT, SMS] });
    expect(p.names).toEqual(['美', '芳'].sort());
    expect(p.count).toBe(2);
    expect(p.sample[0]!.phoneMasked).toMatch(/\*{4}/);
  });

  it('staff count only their own store’s customers, and cannot aim at another store', async () => {
    expect((await preview(staffA, { conditions: [GOLD_UP, DRIFTING, BIRTHDAY_NEXT, SMS] })).names).toEqual(['美']);
    expect((await preview(staffB, { conditions: [] })).names).toEqual(['芳']);
    const res = await staffA.post('/api/segments/preview', {
      definition: { kind: 'group', op: 'and', conditions: [] },
      storeId: storeB,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'body.storeId', code: 'store_not_accessible' });
    // The store condition cannot widen the caller's reach either.
    expect(await names(staffA, { kind: 'store', storeIds: [storeB] })).toEqual([]);
    expect(await names(owner, { kind: 'store', storeIds: [storeB] })).toEqual(['芳']);
  });

  it('birthdays: solar, lunar (converted to this year’s solar date), either, this month, within days', async () => {
    expect(await names(staffA, { kind: 'birthday', when: 'next_month', calendar: 'lunar' })).toEqual(['蓓']);
    expect(await names(staffA, { kind: 'birthday', when: 'next_month', calendar: 'solar' })).toEqual(['美']);
    expect(await names(staffA, { kind: 'birthday', when: 'next_month' })).toEqual(['美', '蓓'].sort());
    expect(await names(staffA, { kind: 'birthday', when: 'this_month', calendar: 'lunar' })).toEqual(['朵']);
    // Within 75 days from today reaches the 15th of next month.
    expect(await names(staffA, { kind: 'birthday', when: 'within_days', days: 75 })).toEqual(
      expect.arrayContaining(['美', '蓓']),
    );
    expect(await names(staffA, { kind: 'birthday', when: 'within_days', days: 0, calendar: 'solar' })).toEqual([]);
  });

  it('consent: the latest record per channel and purpose is in force', async () => {
    expect(await names(staffA, SMS)).toEqual(['才', '朵', '美'].sort());
    expect(await names(staffA, { ...SMS, granted: false })).toEqual(['伊', '蓓'].sort());
    expect(await names(staffA, { kind: 'consent', channel: 'email', purpose: 'marketing' })).toEqual([]);
  });

  it('tier: keys, rank at least, none', async () => {
    expect(await names(staffA, GOLD_UP)).toEqual(['美', '蓓', '朵'].sort());
    expect(await names(staffA, { kind: 'tier', op: 'in', keys: ['silver', 'diamond'] })).toEqual(['才', '朵'].sort());
    expect(await names(staffA, { kind: 'tier', op: 'none' })).toEqual(['伊']);
  });

  it('classes and metrics; a customer without metrics counts as never bought', async () => {
    expect(await names(staffA, { kind: 'class', class: 'classAbcd', values: ['A', 'B'] })).toEqual(['美', '蓓'].sort());
    expect(await names(staffA, { kind: 'class', class: 'rfmSegment', values: ['at_risk'] })).toEqual(['美']);
    expect(await names(staffA, { kind: 'class', class: 'lapseStatus', values: ['none'] })).toEqual(['伊']);
    expect(
      await names(staffA, { kind: 'class', class: 'loyaltyStage', values: ['suspect', 'first_purchase'] }),
    ).toEqual(['伊', '才'].sort());
    expect(
      await names(staffA, { kind: 'metric', metric: 'monetaryWindow', op: 'gte', value: 300_000, currency: 'CNY' }),
    ).toEqual(['美', '蓓'].sort());
    // The same amount in yen is another currency: her yuan do not count.
    expect(
      await names(owner, { kind: 'metric', metric: 'monetaryWindow', op: 'gte', value: 300_000, currency: 'JPY' }),
    ).toEqual(['芳']);
    expect(await names(staffA, { kind: 'metric', metric: 'pAlive', op: 'between', value: 0.4, value2: 0.5 })).toEqual([
      '美',
    ]);
    expect(await names(staffA, { kind: 'metric', metric: 'pAlive', op: 'not_set' })).toEqual(
      ['伊', '才', '朵', '蓓'].sort(),
    );
  });

  it('purchases relative to today: bought within, not within, first within', async () => {
    expect(await names(staffA, { kind: 'purchase', op: 'bought_within', days: 30 })).toEqual(['才']);
    expect(await names(staffA, { kind: 'purchase', op: 'bought_within', days: 90 })).toEqual(['才', '蓓'].sort());
    expect(await names(staffA, { kind: 'purchase', op: 'not_bought_within', days: 90 })).toEqual(
      ['伊', '朵', '美'].sort(),
    );
    expect(await names(staffA, { kind: 'purchase', op: 'first_within', days: 7 })).toEqual(['才']);
  });

  it('profile fields, custom fields, tags, owner guide', async () => {
    expect(
      await names(staffA, { kind: 'profile', field: 'gender', op: 'in', values: ['male', 'undisclosed'] }),
    ).toEqual(['伊', '才'].sort());
    expect(await names(staffA, { kind: 'profile', field: 'ageBand', op: 'in', values: ['30s'] })).toEqual(['美']);
    expect(await names(staffA, { kind: 'profile', field: 'source', op: 'in', values: ['referral'] })).toEqual(['美']);
    expect(await names(staffA, { kind: 'profile', field: 'address', op: 'contains', text: '静安' })).toEqual(['美']);
    expect(await names(staffA, { kind: 'profile', field: 'address', op: 'contains', text: '%' })).toEqual([]);
    expect(await names(staffA, { kind: 'custom', fieldKey: 'hobby', op: 'in', values: ['tea'] })).toEqual(
      ['美', '蓓'].sort(),
    );
    expect(await names(staffA, { kind: 'custom', fieldKey: 'kids', op: 'gte', value: 1 })).toEqual(['美']);
    expect(await names(staffA, { kind: 'custom', fieldKey: 'kids', op: 'is_set' })).toEqual(['才', '美'].sort());
    expect(await names(staffA, { kind: 'tag', op: 'any', tagIds: [vipTag] })).toEqual(['才', '美'].sort());
    expect(await names(staffA, { kind: 'tag', op: 'none', tagIds: [vipTag] })).toEqual(['伊', '朵', '蓓'].sort());
    // The guide who files a customer becomes her owner; 伊 has none.
    expect(await names(staffA, { kind: 'owner', op: 'in', userIds: [staffAId] })).toEqual(
      ['才', '朵', '美', '蓓'].sort(),
    );
    expect(await names(staffA, { kind: 'owner', op: 'none' })).toEqual(['伊']);
  });

  it('nested AND/OR groups', async () => {
    // (diamond OR class A) AND NOT tagged… expressed as: tier diamond or (class A and tag VIP)
    const p = await preview(staffA, {
      op: 'or',
      conditions: [
        { kind: 'tier', op: 'in', keys: ['diamond'] },
        {
          kind: 'group',
          op: 'and',
          conditions: [
            { kind: 'class', class: 'classAbcd', values: ['A'] },
            { kind: 'tag', op: 'all', tagIds: [vipTag] },
          ],
        },
      ],
    });
    expect(p.names).toEqual(['朵', '美'].sort());
    expect(await names(staffA, { kind: 'group', op: 'or', conditions: [] })).toEqual([]);
  });
});

describe('validation', () => {
  const post = (conditions: unknown[]) =>
    owner.post('/api/segments/preview', { definition: { kind: 'group', op: 'and', conditions } });

  it('names the offending field of a nested condition', async () => {
    const res = await post([
      { kind: 'group', op: 'or', conditions: [GOLD_UP, { kind: 'class', class: 'classAbcd', values: ['A', 'Z'] }] },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'body.definition.conditions.0.conditions.1.values.1' }),
    ]);
    const money = await post([{ kind: 'metric', metric: 'monetaryWindow', op: 'gte', value: 1 }]);
    expect(money.json().fields[0]).toMatchObject({ field: 'body.definition.conditions.0.currency' });
    const days = await post([{ kind: 'birthday', when: 'within_days' }]);
    expect(days.json().fields[0]).toMatchObject({ field: 'body.definition.conditions.0.days' });
    const kind = await post([{ kind: 'horoscope' }]);
    expect(kind.statusCode).toBe(400);
    const custom = await post([{ kind: 'custom', fieldKey: 'no_such', op: 'is_set' }]);
    expect(custom.statusCode).toBe(400);
    expect(custom.json().fields[0]).toMatchObject({
      field: 'body.definition.conditions.0.fieldKey',
      code: 'unknown_field',
    });
  });

  it('refuses trees deeper or larger than the limits', async () => {
    let deep: unknown = GOLD_UP;
    for (let i = 0; i < 5; i += 1) deep = { kind: 'group', op: 'and', conditions: [deep] };
    const res = await post([deep]);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().fields)).toMatch(/nest at most/);
    const wide = await post(Array.from({ length: 41 }, () => GOLD_UP));
    expect(wide.statusCode).toBe(400);
  });
});
