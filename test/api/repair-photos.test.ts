// Repair ticket photos: stored with the ticket, checked by their bytes, limited in size and number,
// part of her export and gone when she is erased.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let customerId: string;
let ticketId: string;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([50, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(40),
]);

const upload = (bytes: Buffer, type = 'image/jpeg', id = ticketId) =>
  owner.request({
    method: 'POST',
    url: `/api/repairs/${id}/photos`,
    payload: bytes,
    headers: { 'content-type': type },
  });

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  customerId = (
    await owner.post('/api/customers', { storeId: t.mainStoreId, familyName: '孙', givenName: '丽' })
  ).json().id;
  const opened = await owner.post(`/api/customers/${customerId}/repairs`, {
    itemDescription: '羊绒大衣',
    fault: '纽扣脱落',
    cause: 'quality',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  ticketId = opened.json().id;
});
afterAll(() => t.close());

describe('repair photos', () => {
  it('stores JPEG, PNG and WebP photos, serves them back and lists them on the ticket', async () => {
    const a = await upload(PNG, 'application/octet-stream');
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ contentType: 'image/png', size: PNG.length });
    expect((await upload(JPEG)).json().contentType).toBe('image/jpeg');
    expect((await upload(WEBP, 'image/webp')).json().contentType).toBe('image/webp');
    const ticket = (await owner.get(`/api/repairs/${ticketId}`)).json();
    expect(ticket.photoCount).toBe(3);
    expect(ticket.photos.map((p: { contentType: string }) => p.contentType)).toEqual([
      'image/png',
      'image/jpeg',
      'image/webp',
    ]);
    const got = await owner.get(`/api/repairs/${ticketId}/photos/${a.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses what is not an image, whatever its declared type, and photos over 5 MB, as problem+json', async () => {
    const fake = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
    expect(fake.statusCode).toBe(400);
    expect(fake.headers['content-type']).toContain('application/problem+json');
    expect(fake.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'body', code: 'photo_type' }] });
    const big = await upload(Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
  });

  it('holds at most 6 photos per ticket; a deleted photo frees a place', async () => {
    for (let i = 0; i < 3; i++) expect((await upload(JPEG)).statusCode).toBe(201);
    const seventh = await upload(JPEG);
    expect(seventh.statusCode).toBe(409);
    expect(seventh.json()).toMatchObject({ fields: [{ code: 'too_many_photos' }] });
    const photos = (await owner.get(`/api/repairs/${ticketId}`)).json().photos;
    expect((await owner.del(`/api/repairs/${ticketId}/photos/${photos[0].id}`)).statusCode).toBe(204);
    expect((await owner.get(`/api/repairs/${ticketId}/photos/${photos[0].id}`)).statusCode).toBe(404);
    expect((await owner.get(`/api/repairs/${ticketId}`)).json().photoCount).toBe(5);
    expect((await upload(JPEG)).statusCode).toBe(201);
  });

  it('puts the photos in her export and deletes them when she is erased', async () => {
    const exported = (await owner.get(`/api/customers/${customerId}/export`)).json();
    expect(exported.repairPhotos).toHaveLength(6);
    expect(exported.repairPhotos).toContainEqual(
      expect.objectContaining({
        ticketNo: expect.any(String),
        contentType: 'image/webp',
        dataBase64: WEBP.toString('base64'),
      }),
    );
    const photo = (await owner.get(`/api/repairs/${ticketId}`)).json().photos[0];
    const erased = await owner.post(`/api/customers/${customerId}/erase`, { confirm: true, reason: 'her request' });
    expect(erased.statusCode, erased.body).toBe(200);
    expect((await owner.get(`/api/repairs/${ticketId}/photos/${photo.id}`)).statusCode).toBe(404);
    expect((await owner.get(`/api/repairs/${ticketId}`)).json()).toMatchObject({ photoCount: 0, photos: [] });
  });
});
