import { describe, expect, it } from 'vitest';
import { canManageRole } from './roles';

describe('who manages whom', () => {
  it.each([
    ['owner', 'owner', true],
    ['owner', 'staff', true],
    ['hq', 'hq', false],
    ['hq', 'regional_manager', true],
    ['regional_manager', 'store_manager', true],
    ['store_manager', 'staff', true],
    ['store_manager', 'store_manager', false],
    ['staff', 'staff', false],
  ] as const)('%s manages %s: %s', (actor, target, expected) => {
    expect(canManageRole(actor, target)).toBe(expected);
  });
});
