// Every background job the server runs (see scheduler.ts). A module adds its job here.
import { maintenanceJob } from './maintenance';
import type { Job } from './scheduler';

export const JOBS: Job[] = [maintenanceJob];
