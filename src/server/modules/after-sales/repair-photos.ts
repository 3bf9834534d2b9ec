// Photos of a repaired item, stored in the database with the ticket (bytea): JPEG, PNG or WebP told
// apart by their first bytes (never by the name or the declared type), at most 5 MB each and 6 per
// ticket. They belong to the customer: exported with her data and deleted when she is erased.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { repairPhotos, repairTickets } from '../../db/schema';
import { AppError, notFound } from '../../errors';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_PER_TICKET = 6;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** The image type from its magic bytes, or null when it is none of JPEG, PNG and WebP. */
export function imageTypeOf(b: Uint8Array): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((x, i) => b[i] === x)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export type PhotoMeta = { id: string; contentType: string; size: number; createdAt: string };

const meta = (p: { id: string; contentType: string; size: number; createdAt: Date }): PhotoMeta => ({
  id: p.id,
  contentType: p.contentType,
  size: p.size,
  createdAt: p.createdAt.toISOString(),
});

export async function photosOf(db: Db, ticketId: string): Promise<PhotoMeta[]> {
  const list = await db
    .select({
      id: repairPhotos.id,
      contentType: repairPhotos.contentType,
      size: repairPhotos.size,
      createdAt: repairPhotos.createdAt,
    })
    .from(repairPhotos)
    .where(eq(repairPhotos.ticketId, ticketId))
    .orderBy(asc(repairPhotos.createdAt), asc(repairPhotos.id));
  return list.map(meta);
}

const syncCount = (tx: Db, ticketId: string) =>
  tx
    .update(repairTickets)
    .set({
      photoCount: sql`(select count(*)::int from repair_photos where ticket_id = ${ticketId})`,
      updatedAt: new Date(),
    })
    .where(eq(repairTickets.id, ticketId));

export async function addPhoto(
  db: Db,
  actor: { orgId: string; userId: string | null },
  ticket: { id: string; customerId: string },
  bytes: Uint8Array,
): Promise<PhotoMeta> {
  if (bytes.length > PHOTO_MAX_BYTES) throw new AppError('payload_too_large');
  const type = imageTypeOf(bytes);
  if (!type)
    throw new AppError('validation_failed', {}, [
      { field: 'body', code: 'photo_type', message: 'Send a JPEG, PNG or WebP photo' },
    ]);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // One upload at a time per ticket, so two parallel uploads cannot pass the limit together.
    await tx.execute(sql`select id from repair_tickets where id = ${ticket.id} for update`);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(repairPhotos)
      .where(eq(repairPhotos.ticketId, ticket.id));
    if (n >= PHOTOS_PER_TICKET)
      throw new AppError('conflict', {}, [
        { field: 'body', code: 'too_many_photos', message: `A ticket holds at most ${PHOTOS_PER_TICKET} photos` },
      ]);
    const [row] = await tx
      .insert(repairPhotos)
      .values({
        orgId: actor.orgId,
        ticketId: ticket.id,
        customerId: ticket.customerId,
        contentType: type,
        size: bytes.length,
        bytes,
        createdBy: actor.userId,
      })
      .returning({
        id: repairPhotos.id,
        contentType: repairPhotos.contentType,
        size: repairPhotos.size,
        createdAt: repairPhotos.createdAt,
      });
    await syncCount(tx, ticket.id);
    return meta(row!);
  });
}

export async function getPhoto(db: Db, orgId: string, ticketId: string, photoId: string) {
  const [p] = await db
    .select({ contentType: repairPhotos.contentType, bytes: repairPhotos.bytes })
    .from(repairPhotos)
    .where(and(eq(repairPhotos.orgId, orgId), eq(repairPhotos.ticketId, ticketId), eq(repairPhotos.id, photoId)));
  if (!p) throw notFound();
  return p;
}

export async function deletePhoto(db: Db, orgId: string, ticketId: string, photoId: string): Promise<void> {
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const gone = await tx
      .delete(repairPhotos)
      .where(and(eq(repairPhotos.orgId, orgId), eq(repairPhotos.ticketId, ticketId), eq(repairPhotos.id, photoId)))
      .returning({ id: repairPhotos.id });
    if (!gone.length) throw notFound();
    await syncCount(tx, ticketId);
  });
}

/** For her right of access: every photo of her items, with the ticket it belongs to. */
export async function repairPhotosOfCustomer(db: Db, customerId: string) {
  const list = await db
    .select({
      ticketNo: repairTickets.ticketNo,
      contentType: repairPhotos.contentType,
      bytes: repairPhotos.bytes,
      at: repairPhotos.createdAt,
    })
    .from(repairPhotos)
    .innerJoin(repairTickets, eq(repairTickets.id, repairPhotos.ticketId))
    .where(eq(repairPhotos.customerId, customerId))
    .orderBy(asc(repairPhotos.createdAt));
  return list.map((p) => ({
    ticketNo: p.ticketNo,
    takenAt: p.at,
    contentType: p.contentType,
    dataBase64: Buffer.from(p.bytes).toString('base64'),
  }));
}

/** Her right to erasure: the photos are deleted (the tickets stay, anonymous, with a count of 0). */
export async function eraseRepairPhotos(tx: Db, customerId: string): Promise<void> {
  await tx.delete(repairPhotos).where(eq(repairPhotos.customerId, customerId));
  await tx.update(repairTickets).set({ photoCount: 0 }).where(eq(repairTickets.customerId, customerId));
}
