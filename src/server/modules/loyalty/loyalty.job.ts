// The VIP programme's background work, once a day per organisation: the yearly tier review (it only
// moves anyone down once the review date plus the grace period has come, and is idempotent, so running
// it daily is how "the review happens on its date" is kept even across restarts) and points expiry.
import type { Database } from '../../db/client';
import { organizations } from '../../db/schema';
import { recordJobRun, type Job } from '../../jobs/scheduler';
import { reviewTiers } from './loyalty.service';
import { expirePoints } from './points.service';

const DAY = 24 * 60 * 60 * 1000;

async function forEachOrg(database: Database, job: string, fn: (orgId: string) => Promise<unknown>) {
  const orgs = await database.db.select({ id: organizations.orgId }).from(organizations);
  for (const { id } of orgs) {
    const startedAt = new Date();
    try {
      const detail = await fn(id);
      await recordJobRun(database, { orgId: id, job, startedAt, status: 'ok', detail });
    } catch (err) {
      await recordJobRun(database, {
        orgId: id,
        job,
        startedAt,
        status: 'failed',
        detail: { message: (err as Error).message },
      });
      throw err;
    }
  }
}

export const tierReviewJob: Job = {
  name: 'tier-review',
  everyMs: DAY,
  firstDelayMs: 5 * 60_000,
  run: (database) => forEachOrg(database, 'tier-review', (orgId) => reviewTiers(database.db, orgId)),
};

export const pointsExpiryJob: Job = {
  name: 'points-expiry',
  everyMs: DAY,
  firstDelayMs: 6 * 60_000,
  run: (database) => forEachOrg(database, 'points-expiry', (orgId) => expirePoints(database.db, orgId)),
};
