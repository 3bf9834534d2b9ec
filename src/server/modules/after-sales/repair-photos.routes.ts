// Photos on a repair ticket: upload (raw image body, e.g. from the phone's camera), view, delete.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '../../../contracts/common';
import { repairPhotoSchema } from '../../../contracts/after-sales';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { addPhoto, deletePhoto, getPhoto, PHOTO_MAX_BYTES, PHOTO_TYPES } from './repair-photos';
import { getTicketRowOrThrow } from './repairs.service';

const tags = ['after-sales'];
const params = z.object({ id: uuidSchema });
const photoParams = z.object({ id: uuidSchema, photoId: uuidSchema });

export const repairPhotoRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Encapsulated here: raw image bodies are accepted by these routes only. The type is checked on the
  // bytes themselves, so a declared type (or octet-stream) is only a way in.
  app.addContentTypeParser(
    [...PHOTO_TYPES, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/repairs/:id/photos',
    {
      bodyLimit: PHOTO_MAX_BYTES,
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Add a photo of the item (JPEG, PNG or WebP, at most 5 MB; at most 6 per ticket) as the raw body',
        params,
        response: { 201: repairPhotoSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const ticket = await getTicketRowOrThrow(db, p, req.params.id);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0)
        throw new AppError('validation_failed', {}, [
          { field: 'body', code: 'required', message: 'Send the photo as the request body' },
        ]);
      const photo = await addPhoto(
        db,
        { orgId: p.orgId, userId: p.kind === 'user' ? p.userId : null },
        ticket,
        req.body,
      );
      await auditRequest(db, req, {
        action: 'repair.updated',
        entityType: 'repair_ticket',
        entityId: ticket.id,
        storeId: ticket.storeId,
        details: { ticketNo: ticket.ticketNo, photoAdded: photo.id },
      });
      return reply.status(201).send(photo);
    },
  );

  app.get(
    '/api/repairs/:id/photos/:photoId',
    {
      config: { access: { roles: 'any' } },
      schema: { tags, summary: 'The photo itself (its stored image type)', params: photoParams },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const ticket = await getTicketRowOrThrow(db, p, req.params.id);
      const photo = await getPhoto(db, p.orgId, ticket.id, req.params.photoId);
      reply.header('content-type', photo.contentType);
      reply.header('cache-control', 'private, max-age=86400');
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(Buffer.from(photo.bytes));
    },
  );

  app.delete(
    '/api/repairs/:id/photos/:photoId',
    {
      config: { access: { roles: 'any' } },
      schema: { tags, summary: 'Delete a photo of the item', params: photoParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const ticket = await getTicketRowOrThrow(db, p, req.params.id);
      await deletePhoto(db, p.orgId, ticket.id, req.params.photoId);
      await auditRequest(db, req, {
        action: 'repair.updated',
        entityType: 'repair_ticket',
        entityId: ticket.id,
        storeId: ticket.storeId,
        details: { ticketNo: ticket.ticketNo, photoDeleted: req.params.photoId },
      });
      return reply.status(204).send(null);
    },
  );
};
