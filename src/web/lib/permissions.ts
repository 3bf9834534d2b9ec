// What each role may see in the UI. The server enforces the same rules; this only hides what would fail.
import type { Role } from '../../contracts/common';

export const HEAD_OFFICE: readonly Role[] = ['owner', 'hq'];
export const MANAGERS: readonly Role[] = ['owner', 'hq', 'regional_manager', 'store_manager'];

export const ACCESS = {
  stores: ['owner', 'hq', 'regional_manager', 'store_manager', 'staff'],
  createStores: HEAD_OFFICE,
  editStores: MANAGERS,
  // Managers below head office may rename their store but not move, close or re-price it.
  editStoreStructure: HEAD_OFFICE,
  viewRegions: ['owner', 'hq', 'regional_manager'],
  editRegions: HEAD_OFFICE,
  staff: MANAGERS,
  assignRegions: HEAD_OFFICE,
  tokens: ['owner'],
  audit: HEAD_OFFICE,
  // Purchases, salon and after-sales: the registers and the service menu are the store's; the warranty policy is head office's.
  registers: MANAGERS,
  serviceMenu: MANAGERS,
  afterSalesPolicy: HEAD_OFFICE,
  // The customer file: the question bank is the organisation's; the file contest is every manager's.
  questionBank: HEAD_OFFICE,
  fileContest: MANAGERS,
  // Contacts and messages: each employee's contact statistics, the outbox, the contact log.
  contactStats: MANAGERS,
  // Analytics: the manager dashboard (store, region or organisation, as far as her access reaches).
  dashboard: MANAGERS,
  // The VIP programme: head office sets the tiers; managers adjust points (anyone serving her redeems).
  vipProgramme: HEAD_OFFICE,
  adjustPoints: MANAGERS,
  // Care (issue 6): the message library is the brand's; every guide reads it.
  editTemplates: HEAD_OFFICE,
  // Classes and worth: every manager reads the rules and the last run; head office changes them.
  classSettings: MANAGERS,
  editClassSettings: HEAD_OFFICE,
  // Customer tags: managers keep the organisation's list; anyone serving her puts them on and takes them off.
  tags: MANAGERS,
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof ACCESS;

export function can(role: Role | undefined, capability: Capability): boolean {
  return role !== undefined && (ACCESS[capability] as readonly Role[]).includes(role);
}

export { canManageRole } from '../../domain/roles';
