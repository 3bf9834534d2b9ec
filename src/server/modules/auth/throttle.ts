// Failed log-ins are counted per account and per address in the database, so every app instance
// behind a load balancer sees the same count. Subjects are hashed: no e-mail or IP is stored here.
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginAttempts } from '../../db/schema';
import { AppError } from '../../errors';
import { sha256 } from '../../security';

export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

type Subject = { kind: 'account' | 'address'; subject: string; limit: number };

export function subjectsFor(email: string, ip: string): Subject[] {
  return [
    { kind: 'account', subject: sha256(`account:${email.trim().toLowerCase()}`), limit: THROTTLE.perAccount },
    { kind: 'address', subject: sha256(`address:${ip}`), limit: THROTTLE.perAddress },
  ];
}

/** Throws `too_many_attempts` while a subject has too many failures since its last success. */
export async function assertNotThrottled(db: Db, subjects: Subject[]): Promise<void> {
  for (const s of subjects) {
    const result = (await db.execute(sql`
      select count(*)::int as n, min(at) as oldest
      from ${loginAttempts}
      where kind = ${s.kind} and subject = ${s.subject} and succeeded = false
        and at > now() - make_interval(mins => ${THROTTLE.windowMinutes})
        and at > coalesce((select max(at) from ${loginAttempts}
                           where kind = ${s.kind} and subject = ${s.subject} and succeeded = true), '-infinity')
    `)) as unknown as { rows: Array<{ n: number; oldest: string | Date | null }> };
    const row = result.rows[0];
    if (row && row.n >= s.limit && row.oldest) {
      const freeAt = new Date(row.oldest).getTime() + THROTTLE.windowMinutes * 60_000;
      const seconds = Math.max(1, Math.ceil((freeAt - Date.now()) / 1000));
      throw new AppError('too_many_attempts', { minutes: Math.ceil(seconds / 60) }, undefined, {
        'retry-after': String(seconds),
      });
    }
  }
}

export async function recordAttempt(db: Db, subjects: Subject[], succeeded: boolean, orgId: string | null) {
  await db.insert(loginAttempts).values(subjects.map((s) => ({ kind: s.kind, subject: s.subject, succeeded, orgId })));
  // Keep the table small: a day of history is more than the window needs.
  if (Math.random() < 0.05) await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 day'`));
}
