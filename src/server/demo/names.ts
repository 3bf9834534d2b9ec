// Deterministic synthetic customers for demos and benchmarks: realistic names in each script
// (mainland, Taiwan, Japan), phones of the right shape, Pareto-ish attributes. Nothing random escapes
// the seed, so the same seed always gives the same brand.

/** Mulberry32: a tiny seeded PRNG, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const CN_FAMILY = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '欧阳',
  '司马',
];
const CN_GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '婷',
  '雪',
  '慧',
  '颖',
  '琳',
  '晶',
  '欣怡',
  '梓涵',
  '诗琪',
  '雨桐',
  '子萱',
  '佳怡',
  '思彤',
];
const TW_FAMILY = [
  '陳',
  '林',
  '黃',
  '張',
  '李',
  '王',
  '吳',
  '劉',
  '蔡',
  '楊',
  '許',
  '鄭',
  '謝',
  '郭',
  '洪',
  '曾',
  '邱',
  '廖',
  '賴',
  '周',
];
const TW_GIVEN = [
  '淑芬',
  '美玲',
  '雅婷',
  '怡君',
  '佩君',
  '惠雯',
  '志明',
  '家豪',
  '宜蓁',
  '筱涵',
  '詩涵',
  '欣妤',
  '靜怡',
  '鈺婷',
  '冠宇',
];
const JP_FAMILY: Array<[string, string]> = [
  ['佐藤', 'さとう'],
  ['鈴木', 'すずき'],
  ['高橋', 'たかはし'],
  ['田中', 'たなか'],
  ['伊藤', 'いとう'],
  ['渡辺', 'わたなべ'],
  ['山本', 'やまもと'],
  ['中村', 'なかむら'],
  ['小林', 'こばやし'],
  ['加藤', 'かとう'],
  ['吉田', 'よしだ'],
  ['山田', 'やまだ'],
  ['佐々木', 'ささき'],
  ['山口', 'やまぐち'],
  ['松本', 'まつもと'],
];
const JP_GIVEN: Array<[string, string]> = [
  ['花子', 'はなこ'],
  ['美咲', 'みさき'],
  ['陽子', 'ようこ'],
  ['恵', 'めぐみ'],
  ['由美', 'ゆみ'],
  ['愛', 'あい'],
  ['さくら', 'さくら'],
  ['直子', 'なおこ'],
  ['結衣', 'ゆい'],
  ['真由美', 'まゆみ'],
  ['久美子', 'くみこ'],
  ['翔太', 'しょうた'],
];

export type Market = 'CN' | 'TW' | 'JP';
export type SyntheticPerson = {
  familyName: string;
  givenName: string;
  reading: string | null;
  phone: string;
  email: string | null;
  gender: 'female' | 'male';
};

function digits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

export function syntheticPerson(r: () => number, market: Market, serial: number): SyntheticPerson {
  const gender = r() < 0.85 ? 'female' : 'male';
  if (market === 'JP') {
    const [f, fr] = pick(r, JP_FAMILY);
    const [g, gr] = pick(r, JP_GIVEN);
    return {
      familyName: f,
      givenName: g,
      reading: `${fr} ${gr}`,
      phone: `+81${pick(r, ['70', '80', '90'])}${digits(r, 8)}`,
      email: r() < 0.5 ? `c${serial}@example.jp` : null,
      gender,
    };
  }
  if (market === 'TW') {
    return {
      familyName: pick(r, TW_FAMILY),
      givenName: pick(r, TW_GIVEN),
      reading: null,
      phone: `+8869${digits(r, 8)}`,
      email: r() < 0.4 ? `c${serial}@example.tw` : null,
      gender,
    };
  }
  return {
    familyName: pick(r, CN_FAMILY),
    givenName: pick(r, CN_GIVEN),
    reading: null,
    phone: `+861${pick(r, ['3', '5', '8'])}${digits(r, 9)}`,
    email: r() < 0.3 ? `c${serial}@example.cn` : null,
    gender,
  };
}
