// Helpers of the customer import and export API tests: a fresh organisation, upload, run, wait, search.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

/** A fresh organisation (its main store is a simplified Chinese one) and its owner, logged in. */
export async function createImportsTestApp(): Promise<{ t: TestApp; owner: Client }> {
  const t = await createTestApp();
  const owner = await loginAs(t.app, OWNER.email, OWNER.password);
  return { t, owner };
}

export const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
export type Job = {
  id: string;
  status: string;
  processed: number;
  total: number;
  canRun: boolean;
  summary: Summary | null;
  error: string | null;
  mapping: string[];
};
export type Summary = {
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{
    line: number;
    field: string;
    message: string;
    code?: string;
    params?: Record<string, string | number>;
  }>;
};

export function upload(c: Client, bytes: Buffer, storeId: string, fileName: string, type = 'application/octet-stream') {
  return c.request({
    method: 'POST',
    url: `/api/imports/customers?storeId=${storeId}&fileName=${encodeURIComponent(fileName)}`,
    payload: bytes,
    headers: { 'content-type': type },
  });
}

export async function waitFor(c: Client, id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = (await c.get(`/api/imports/customers/${id}`)).json() as Job;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

/** Uploads, runs with the proposed (or given) mapping and returns the finished job. */
export async function importFile(
  c: Client,
  bytes: Buffer,
  storeId: string,
  fileName: string,
  opts: { dryRun?: boolean; mapping?: string[] } = {},
) {
  const up = await upload(c, bytes, storeId, fileName);
  expect(up.statusCode, up.body).toBe(201);
  const { job, preview } = up.json() as { job: Job; preview: { mapping: string[] } };
  const run = await c.post(`/api/imports/customers/${job.id}/run`, {
    mapping: opts.mapping ?? preview.mapping,
    dryRun: opts.dryRun ?? false,
  });
  expect(run.statusCode, run.body).toBe(202);
  return waitFor(c, job.id);
}

export const find = async (c: Client, q: string, storeId?: string) =>
  (await c.get(`/api/customers?limit=100&q=${encodeURIComponent(q)}${storeId ? `&storeId=${storeId}` : ''}`)).json()
    .items as Array<{ id: string; displayName: string; memberNo: string }>;
