import type { Programme, Tier } from '../api/loyalty';

export const BASE_CURRENCIES = ['CNY', 'TWD', 'HKD', 'JPY'];

export type Draft = Pick<Tier, 'id' | 'key' | 'rank' | 'labels' | 'qualification' | 'benefits' | 'isActive'>;

export const toDraft = (p: Programme): Draft[] =>
  p.tiers.map(({ id, key, rank, labels, qualification, benefits, isActive }) => ({
    id,
    key,
    rank,
    labels: { ...labels },
    qualification: { ...qualification, spend: { ...(qualification.spend ?? {}) } },
    benefits: { ...benefits },
    isActive,
  }));

export const changedDrafts = (programme: Programme, draft: Draft[]): Draft[] =>
  draft.filter((d) => {
    const o = programme.tiers.find((x) => x.id === d.id)!;
    return JSON.stringify(toDraft({ ...programme, tiers: [o] })[0]) !== JSON.stringify(d);
  });

export const cleanRule = (q: Draft['qualification']) => {
  const spend = Object.fromEntries(Object.entries(q.spend ?? {}).filter(([, v]) => v !== null && v !== undefined));
  return {
    combine: q.combine,
    ...(Object.keys(spend).length ? { spend } : {}),
    ...(q.visits ? { visits: q.visits } : {}),
  };
};
