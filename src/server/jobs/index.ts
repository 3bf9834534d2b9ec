// Every background job the server runs (see scheduler.ts). A module adds its job here.
import { maintenanceJob } from './maintenance';
import { outboxJob } from '../modules/messaging/outbox.job';
import { careDailyJob, careEscalationJob } from '../modules/care/care.job';
import { recomputeJob } from '../modules/metrics/recompute.job';
import type { Job } from './scheduler';

export const JOBS: Job[] = [maintenanceJob, outboxJob, recomputeJob, careDailyJob, careEscalationJob];
