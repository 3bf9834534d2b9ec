// Every background job the server runs (see scheduler.ts). A module adds its job here.
import { maintenanceJob } from './maintenance';
import { outboxJob } from '../modules/messaging/outbox.job';
import { pointsExpiryJob, tierReviewJob } from '../modules/loyalty/loyalty.job';
import type { Job } from './scheduler';

export const JOBS: Job[] = [maintenanceJob, outboxJob, tierReviewJob, pointsExpiryJob];
