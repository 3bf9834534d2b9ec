// HTTP for care tasks on the phone: the lists, one task, and the actions. Staff see their own tasks;
// store managers and above also their stores'. Another store's task is 404.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cancelBodySchema,
  completeBodySchema,
  completeResultSchema,
  reassignBodySchema,
  snoozeBodySchema,
  taskDetailSchema,
  taskListQuerySchema,
  taskPageSchema,
} from '../../../contracts/care-tasks';
import { idParamsSchema, isoDateTime, uuidSchema } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { principalOf } from '../../plugins/auth';
import { cancelTask, completeTask, reassignTask, snoozeTask } from './task-actions.service';
import { getComplaint, getTaskDetail, listTasks, taskActorOf } from './task-screens.service';

const ANY = { roles: 'any' as const };
const tags = ['care'];

const complaintSchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  customerId: uuidSchema,
  customerName: z.string(),
  taskId: uuidSchema.nullable(),
  summary: z.string(),
  status: z.string(),
  openedBy: z.object({ id: uuidSchema, name: z.string() }),
  createdAt: isoDateTime,
});

export const careTasksRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/care/tasks',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Care tasks for today, later days or overdue; yours, or your stores’ (managers); store-local days',
        querystring: taskListQuerySchema,
        response: { 200: taskPageSchema },
      },
    },
    async (req) => listTasks(db, taskActorOf(principalOf(req)), req.query),
  );

  app.get(
    '/api/care/tasks/:id',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'One task: why, her essentials, what she bought, suggested messages in her language',
        params: idParamsSchema,
        response: { 200: taskDetailSchema },
      },
    },
    async (req) => getTaskDetail(db, principalOf(req), req.params.id),
  );

  app.post(
    '/api/care/tasks/:id/snooze',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Move the task to a later day (not in the past)',
        params: idParamsSchema,
        body: snoozeBodySchema,
        response: { 200: taskDetailSchema },
      },
    },
    async (req) => {
      await snoozeTask(db, principalOf(req), req.params.id, req.body);
      return getTaskDetail(db, principalOf(req), req.params.id);
    },
  );

  app.post(
    '/api/care/tasks/:id/reassign',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Give the task to a colleague of its store',
        params: idParamsSchema,
        body: reassignBodySchema,
        response: { 200: z.object({ id: uuidSchema, version: z.number().int() }) },
      },
    },
    async (req) => {
      // After reassigning, staff may no longer see the task: answer with what they need to update the list.
      await reassignTask(db, principalOf(req), req.params.id, req.body);
      return { id: req.params.id, version: req.body.version + 1 };
    },
  );

  app.post(
    '/api/care/tasks/:id/complete',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary:
          'Complete with an outcome and a note; the contact lands on her timeline. appointment adds a follow-up task, issue_raised opens a complaint',
        params: idParamsSchema,
        body: completeBodySchema,
        response: { 200: completeResultSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const r = await completeTask(db, p, req.params.id, req.body);
      return { task: await getTaskDetail(db, p, req.params.id), ...r };
    },
  );

  app.post(
    '/api/care/tasks/:id/cancel',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Cancel the task, saying why',
        params: idParamsSchema,
        body: cancelBodySchema,
        response: { 200: taskDetailSchema },
      },
    },
    async (req) => {
      await cancelTask(db, principalOf(req), req.params.id, req.body);
      return getTaskDetail(db, principalOf(req), req.params.id);
    },
  );

  app.get(
    '/api/care/complaints/:id',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'The first record of an issue a customer raised on a care contact',
        params: idParamsSchema,
        response: { 200: complaintSchema },
      },
    },
    async (req) => getComplaint(db, principalOf(req), req.params.id),
  );
};
