import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageCompleteness, contestScore, rankContestants, type Contestant } from './file-contest';

const guide = (name: string, files: number, totalCompleteness: number, currentFiles = 0): Contestant => ({
  name,
  files,
  totalCompleteness,
  currentFiles,
});

describe('contest score', () => {
  it.each([
    // files, sum of completeness, current files → score
    [0, 0, 0, 0],
    [1, 100, 0, 10], // one complete file
    [10, 500, 0, 50], // ten half-done files score like five complete ones
    [5, 500, 0, 50],
    [3, 219, 0, 21], // rounded down
    [4, 200, 4, 28], // every file current: +2 each
  ])('%i files, %i%% in all, %i current → %i points', (files, total, current, score) => {
    expect(contestScore({ files, totalCompleteness: total, currentFiles: current })).toBe(score);
  });

  it('averages completeness per file, 0 without files', () => {
    expect(averageCompleteness({ files: 3, totalCompleteness: 200, currentFiles: 0 })).toBe(67);
    expect(averageCompleteness({ files: 0, totalCompleteness: 0, currentFiles: 0 })).toBe(0);
  });

  const totals = fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 40 }).chain((files) =>
    fc.record({
      files: fc.constant(files),
      current: fc.integer({ min: 0, max: files.length }),
    }),
  );

  it('never goes down when she registers one more file or brings one up to date', () => {
    fc.assert(
      fc.property(totals, fc.integer({ min: 0, max: 100 }), ({ files, current }, extra) => {
        const sum = files.reduce((a, b) => a + b, 0);
        const before = contestScore({ files: files.length, totalCompleteness: sum, currentFiles: current });
        const more = contestScore({ files: files.length + 1, totalCompleteness: sum + extra, currentFiles: current });
        const fresher = contestScore({
          files: files.length,
          totalCompleteness: sum,
          currentFiles: Math.min(files.length, current + 1),
        });
        expect(more).toBeGreaterThanOrEqual(before);
        expect(fresher).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe('ranking', () => {
  it('puts quantity and quality together: many fair files can beat one perfect file', () => {
    const ranked = rankContestants([guide('王', 1, 100), guide('李', 12, 720), guide('陈', 0, 0)]);
    expect(ranked.map((r) => [r.name, r.rank, r.score])).toEqual([
      ['李', 1, 72],
      ['王', 2, 10],
      ['陈', 3, 0],
    ]);
  });

  it('breaks equal scores by average completeness, then by files', () => {
    const ranked = rankContestants([guide('A', 10, 500), guide('B', 5, 500), guide('C', 6, 500)]);
    expect(ranked.map((r) => r.name)).toEqual(['B', 'C', 'A']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('lets fully equal results share a place (1, 1, 3)', () => {
    const ranked = rankContestants([guide('甲', 4, 300, 1), guide('乙', 4, 300, 1), guide('丙', 2, 100)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('does not depend on the order it is given', () => {
    const contestant = fc.record({
      name: fc.constantFrom('甲', '乙', '丙', '丁', null),
      files: fc.integer({ min: 0, max: 20 }),
      totalCompleteness: fc.integer({ min: 0, max: 2000 }),
      currentFiles: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(contestant, { maxLength: 12 }), (list) => {
        const key = (r: ReturnType<typeof rankContestants>) => r.map((x) => `${x.rank}:${x.score}`);
        expect(key(rankContestants([...list].reverse()))).toEqual(key(rankContestants(list)));
        const ranks = rankContestants(list).map((r) => r.rank);
        expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      }),
    );
  });
});
