// The customer-file contest of seed 001 ("从'量'和'质'两方面评出最完整、最有效的档案资料并予以奖励"):
// quantity and quality both count, so the score adds up each file's completeness, and a file kept up to
// date (the "dynamic" principle of seed 004) earns a bonus. Pure, so the rule is explained and tested once.

/** Score = (sum of her files' completeness ÷ 10, rounded down) + a bonus for each file kept current. */
export const CONTEST_RULES = {
  pointsPerTenPercent: 1,
  currentBonus: 2,
  currentDays: 30,
  richThreshold: 60,
} as const;

export type ContestTotals = {
  /** Files she is the owner guide of (in the period, if one is chosen). */
  files: number;
  /** Sum of those files' completeness (0–100 each). */
  totalCompleteness: number;
  /** Files brought up to date within the last `currentDays` days. */
  currentFiles: number;
};

export function contestScore(t: ContestTotals): number {
  const quality = Math.floor(t.totalCompleteness / 10) * CONTEST_RULES.pointsPerTenPercent;
  return quality + t.currentFiles * CONTEST_RULES.currentBonus;
}

export function averageCompleteness(t: ContestTotals): number {
  return t.files === 0 ? 0 : Math.round(t.totalCompleteness / t.files);
}

export type Contestant = ContestTotals & { name: string | null };

/**
 * Orders contestants by score, then average completeness, then number of files, and gives each a rank
 * (1, 1, 3…: equal results share a place, so two guides can both take a medal). Input order is not used.
 */
export function rankContestants<T extends Contestant>(list: readonly T[]): Array<T & { score: number; rank: number }> {
  const scored = list.map((c) => ({ c, score: contestScore(c), average: averageCompleteness(c) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.average - a.average ||
      b.c.files - a.c.files ||
      (a.c.name ?? '').localeCompare(b.c.name ?? '', 'en'),
  );
  let rank = 0;
  return scored.map((x, i) => {
    const prev = scored[i - 1];
    const tied = prev && prev.score === x.score && prev.average === x.average && prev.c.files === x.c.files;
    if (!tied) rank = i + 1;
    return { ...x.c, score: x.score, rank };
  });
}
