// Who may manage whom, shared by the server (which enforces it) and the web app (which hides what
// would fail): an account manages only lower roles, and owners manage owners too.
import type { Role } from '../contracts/common';

const RANK: Record<Role, number> = { owner: 5, hq: 4, regional_manager: 3, store_manager: 2, staff: 1 };

export function canManageRole(actor: Role, target: Role): boolean {
  return actor === 'owner' || RANK[target] < RANK[actor];
}
