// Customer tags through app.inject on a real database: counts per store, duplicate names, who may
// create and assign them, the tag condition after unassigning and deleting, and their audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../helpers/app';
import { createSegmentsTestApp, names } from '../helpers/segments';

let t: TestApp;
let owner: Client;
let staffA: Client;
let staffB: Client;
let ids: Record<string, string>;
let vipTag: string;

beforeAll(async () => {
  ({ t, owner, staffA, staffB, ids, vipTag } = await createSegmentsTestApp());
});
afterAll(() => t.close());

describe('tags', () => {
  it('lists with counts, refuses a duplicate name, only managers create, assign and unassign', async () => {
    const list = (await staffA.get('/api/tags')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: vipTag, name: 'VIP 沙龙', customers: 2 })]);
    expect((await staffB.get('/api/tags')).json().items[0].customers).toBe(0);
    const dup = await owner.post('/api/tags', { name: 'vip 沙龙' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0]).toMatchObject({ field: 'body.name', code: 'tag_name_taken' });
    expect((await staffA.post('/api/tags', { name: '新客' })).statusCode).toBe(403);
    expect((await staffA.get(`/api/customers/${ids['美']}/tags`)).json().items).toEqual([
      expect.objectContaining({ name: 'VIP 沙龙', colour: 'grape' }),
    ]);
    // Another store's customer is "not found" to staff.
    expect(
      (await staffB.request({ method: 'PUT', url: `/api/customers/${ids['美']}/tags/${vipTag}` })).statusCode,
    ).toBe(404);
    expect((await staffA.del(`/api/customers/${ids['才']}/tags/${vipTag}`)).statusCode).toBe(200);
    expect(await names(staffA, { kind: 'tag', op: 'any', tagIds: [vipTag] })).toEqual(['美']);
    expect((await owner.del(`/api/tags/${vipTag}`)).statusCode).toBe(200);
    expect(await names(staffA, { kind: 'tag', op: 'any', tagIds: [vipTag] })).toEqual([]);
  });

  it('records who created, deleted, put on and took off a tag in the audit log', async () => {
    const tag = (await owner.post('/api/tags', { name: '礼品顾客', colour: 'pink' })).json();
    expect((await owner.patch(`/api/tags/${tag.id}`, { colour: 'teal' })).statusCode).toBe(200);
    const url = `/api/customers/${ids['蓓']}/tags/${tag.id}`;
    expect((await staffA.request({ method: 'PUT', url })).statusCode).toBe(200);
    expect((await staffA.del(url)).statusCode).toBe(200);
    expect((await owner.del(`/api/tags/${tag.id}`)).statusCode).toBe(200);
    const onTag = (await owner.get(`/api/audit?entityId=${tag.id}`)).json().items;
    expect(onTag.map((e: { action: string }) => e.action).sort()).toEqual([
      'tag.created',
      'tag.deleted',
      'tag.updated',
    ]);
    const onHer = (await owner.get(`/api/audit?entityId=${ids['蓓']}`)).json().items;
    expect(
      onHer
        .filter((e: { details: { tagId?: string } }) => e.details.tagId === tag.id)
        .map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['customer.tag_added', 'customer.tag_removed']);
  });
});
