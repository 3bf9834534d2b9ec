// The builder's tree helpers: a fresh condition of each kind, and the definition the live count uses
// (incomplete conditions left out, so the count follows what is already filled in).
import {
  conditionSchema,
  type Condition,
  type ConditionGroup,
  type LeafCondition,
  type LeafKind,
} from '../../../../contracts/segments';

export const KIND_ORDER: LeafKind[] = [
  'tier',
  'class',
  'birthday',
  'consent',
  'purchase',
  'metric',
  'profile',
  'custom',
  'tag',
  'store',
  'owner',
];

export function newCondition(kind: LeafKind, currency: string): LeafCondition {
  switch (kind) {
    case 'tier':
      return { kind, op: 'rank_at_least', rank: 2 };
    case 'class':
      return { kind, class: 'lapseStatus', values: [] };
    case 'metric':
      return { kind, metric: 'monetaryWindow', op: 'gte', currency };
    case 'birthday':
      return { kind, calendar: 'any', when: 'this_month' };
    case 'purchase':
      return { kind, op: 'bought_within', days: 30 };
    case 'consent':
      return { kind, channel: 'sms', purpose: 'marketing', granted: true };
    case 'profile':
      return { kind, field: 'gender', op: 'in', values: [] };
    case 'custom':
      return { kind, fieldKey: '', op: 'is_set' };
    case 'tag':
      return { kind, op: 'any', tagIds: [] };
    case 'store':
      return { kind, storeIds: [] };
    case 'owner':
      return { kind, op: 'in', userIds: [] };
  }
}

export const isComplete = (c: LeafCondition) => conditionSchema.safeParse(c).success;

/** The tree without incomplete conditions (and without groups left empty by that). */
export function completePart(g: ConditionGroup): ConditionGroup {
  const conditions: Condition[] = [];
  for (const c of g.conditions) {
    if (c.kind === 'group') {
      const inner = completePart(c);
      if (inner.conditions.length) conditions.push(inner);
    } else if (isComplete(c)) conditions.push(c);
  }
  return { ...g, conditions };
}

export function countIncomplete(g: ConditionGroup): number {
  return g.conditions.reduce((n, c) => n + (c.kind === 'group' ? countIncomplete(c) : isComplete(c) ? 0 : 1), 0);
}
