// Customer types of seed 004 (beauty-salon customer files) with the service guidance the seed gives,
// shown to staff next to the customer. The seed files vanity, belonging and fear under "buying
// psychology" (顧客消費心理分析) and impulsive … independent under "personality" (顧客性格分析); the
// lists below follow the seed. Tips are translated from the seed's Traditional Chinese.
import type { Locale } from '../contracts/common';

export type LocalizedText = Readonly<Record<Locale, string>>;

export type CustomerTypeEntry<K extends string = string> = {
  key: K;
  label: LocalizedText;
  /** Who this customer is, as the seed describes her. */
  description: LocalizedText;
  /** What staff should do. */
  tip: LocalizedText;
  /** 'seed': the seed's own advice · 'editorial': the seed names the type but gives no advice. */
  tipSource: 'seed' | 'editorial';
};

const entry = <K extends string>(
  key: K,
  tipSource: 'seed' | 'editorial',
  label: LocalizedText,
  description: LocalizedText,
  tip: LocalizedText,
): CustomerTypeEntry<K> => ({ key, label, description, tip, tipSource });

/** 消费心理 / 消費心理 / 購買心理 (seed 004, 顧客消費心理分析). */
export const BUYING_PSYCHOLOGY_TYPES = [
  entry(
    'vanity',
    'seed',
    { 'zh-CN': '虚荣型', 'zh-TW': '虛榮型', ja: '虚栄型', en: 'Vanity' },
    {
      'zh-CN': '希望被推崇、被赞美，在意自己与其他顾客的不同。',
      'zh-TW': '希望被推崇、被讚美，在意自己與其他顧客的不同。',
      ja: '一目置かれ、ほめられることを望み、ほかのお客様との違いを大切にする。',
      en: 'Wants to be looked up to and praised; cares about standing out from other customers.',
    },
    {
      'zh-CN': '不断推崇和赞美他们，让他们体会到自我价值感，感受到自己与其他顾客与众不同。',
      'zh-TW': '不斷推崇和讚美他們，讓他們體會到自我價值感，感受到自己與其他顧客與眾不同。',
      ja: '折にふれて敬意を示し、ほめ言葉を惜しまず、ご自身の価値と、ほかのお客様とは違う特別感を味わっていただく。',
      en: 'Keep showing esteem and praise, so they feel their own worth and feel set apart from other customers.',
    },
  ),
  entry(
    'belonging',
    'seed',
    { 'zh-CN': '归属型', 'zh-TW': '歸屬型', ja: '帰属型', en: 'Belonging' },
    {
      'zh-CN': '认可我们的公司平台，认可店长和美容师，容易沟通，给他们的建议都会采纳。',
      'zh-TW': '認可我們的公司平台，認可店長和美容師，容易溝通，給他們的建議都會採納。',
      ja: '会社やお店、店長やスタッフを信頼してくださり、話しやすく、提案もよく受け入れてくださる。',
      en: 'Trusts the company, the store manager and the staff; easy to talk to and takes the advice given.',
    },
    {
      'zh-CN': '把服务做得更好，回馈他们的信任。',
      'zh-TW': '把服務做得更好，回饋他們的信任。',
      ja: 'いっそう質の高いサービスで、その信頼にお応えする。',
      en: 'Make the service even better, to repay their trust.',
    },
  ),
  entry(
    'fear',
    'seed',
    { 'zh-CN': '恐惧型', 'zh-TW': '恐懼型', ja: '不安型', en: 'Fearful' },
    {
      'zh-CN': '售前常遇到，总担心自己上当受骗。',
      'zh-TW': '售前常遇到，總擔心自己上當受騙。',
      ja: '購入前によく見られ、だまされるのではないかといつも心配している。',
      en: 'Often met before a first purchase; always worried about being cheated.',
    },
    {
      'zh-CN': '先和他们交朋友，让他们放松、放下戒备，建立了客情之后再进行销售。',
      'zh-TW': '先和他們交朋友，讓他們放鬆、放下戒備，建立了客情之後再進行銷售。',
      ja: 'まずは親しくなって緊張と警戒を解いていただき、信頼関係ができてから販売に進む。',
      en: 'Make friends first and help them relax and lower their guard; sell only once a relationship is built.',
    },
  ),
  entry(
    'keeping_up',
    'editorial',
    { 'zh-CN': '攀比型', 'zh-TW': '攀比型', ja: '張り合い型', en: 'Keeping up with others' },
    {
      'zh-CN': '常拿自己和身边的人比较，别人有的自己也想要。',
      'zh-TW': '常拿自己和身邊的人比較，別人有的自己也想要。',
      ja: '周りの人と自分を比べがちで、人が持っているものは自分も欲しくなる。',
      en: 'Measures themselves against the people around them; wants what others have.',
    },
    // Seed 004 names this type without advice; this follows seed 003: "the most suitable, not the most expensive".
    {
      'zh-CN': '肯定他们的品味，推荐真正适合的，而不是最贵的；不要拿其他顾客做比较。',
      'zh-TW': '肯定他們的品味，推薦真正適合的，而不是最貴的；不要拿其他顧客做比較。',
      ja: 'センスを認めたうえで、いちばん高いものではなく本当に似合うものをおすすめする。ほかのお客様を引き合いに出さない。',
      en: 'Affirm their taste and recommend what truly suits them, not the most expensive; never hold up other customers as a comparison.',
    },
  ),
] as const;

/** 性格类型 / 性格類型 / 性格タイプ (seed 004, 顧客性格分析). */
export const PERSONALITY_TYPES = [
  entry(
    'impulsive',
    'seed',
    { 'zh-CN': '冲动型', 'zh-TW': '衝動型', ja: '衝動型', en: 'Impulsive' },
    {
      'zh-CN': '购买时不需要对产品有了解，只要打折优惠、别人在抢购，就会有购买欲望。',
      'zh-TW': '購買時不需要對產品有了解，只要打折優惠、別人在搶購，就會有購買慾望。',
      ja: '商品をよく知らなくても、値引きがあって人が買っているのを見ると欲しくなる。',
      en: 'Needs no knowledge of the product: a discount and other people snapping it up are enough to want it.',
    },
    {
      'zh-CN': '这类顾客能帮门店冲刺业绩，尤其是做活动时，要把他们列为重点顾客。',
      'zh-TW': '這類顧客能幫門市衝刺業績，尤其是做活動時，要把他們列為重點顧客。',
      ja: '売上の追い込みに力を貸してくださるお客様。特にイベントやセールの際は重点顧客としてご案内する。',
      en: 'They can help the store reach its targets: make them priority customers, especially during events and promotions.',
    },
  ),
  entry(
    'passive',
    'seed',
    { 'zh-CN': '被动型', 'zh-TW': '被動型', ja: '受け身型', en: 'Passive' },
    {
      'zh-CN': '想法很多、犹豫不决，买了怕买错，不买又怕吃亏。',
      'zh-TW': '想法很多、猶豫不決，買了怕買錯，不買又怕吃虧。',
      ja: 'あれこれ考えて決めきれず、買えば失敗が怖く、買わなければ損をした気になる。',
      en: 'Full of second thoughts and undecided: afraid of buying the wrong thing, and of missing out by not buying.',
    },
    {
      'zh-CN':
        '要更有耐心，多讲案例，反复强调产品的功效和好处，抓住顾客犹豫的点并透彻分析。不要催促他们做决定，否则他们会更加犹豫不决。',
      'zh-TW':
        '要更有耐心，多講案例，反覆強調產品的功效和好處，抓住顧客猶豫的點並透徹分析。不要催促他們做決定，否則他們會更加猶豫不決。',
      ja: 'いっそう辛抱強く、事例を交えて商品の効果とメリットを繰り返しお伝えし、迷っている点を見極めて丁寧に解きほぐす。決断を急かすと迷いが深まるので、急かさない。',
      en: 'Be extra patient: tell real cases, repeat the product’s effects and benefits, find the exact point of hesitation and talk it through. Never rush them to decide, or they will hesitate even more.',
    },
  ),
  entry(
    'novelty_seeking',
    'seed',
    { 'zh-CN': '求新立异型', 'zh-TW': '求新立異型', ja: '新しもの好き型', en: 'Novelty-seeking' },
    {
      'zh-CN': '注重生活品质，追求时下流行的东西，注重产品包装和文化背景。',
      'zh-TW': '注重生活品質，追求時下流行的東西，注重產品包裝和文化背景。',
      ja: '暮らしの質にこだわり、流行のものを求め、パッケージや商品の背景にある文化を重視する。',
      en: 'Values quality of life, follows what is in fashion, and cares about packaging and the culture behind a product.',
    },
    {
      'zh-CN': '把品牌文化与他们的身份相匹配，做好品牌分享。',
      'zh-TW': '把品牌文化與他們的身分相匹配，做好品牌分享。',
      ja: 'ブランドの世界観をお客様ご自身のイメージに重ね、ブランドのストーリーをしっかりお伝えする。',
      en: 'Match the brand’s culture to who they are, and share the brand’s story well.',
    },
  ),
  entry(
    'comparing',
    'seed',
    { 'zh-CN': '比较型', 'zh-TW': '比較型', ja: '比較検討型', en: 'Comparing' },
    {
      'zh-CN': '一般有明确的目标，会对产品效果、价格做对比，货比三家后再做决定。',
      'zh-TW': '一般有明確的目標，會對產品效果、價格做對比，貨比三家後再做決定。',
      ja: '目的がはっきりしていて、効果や価格を比べ、いくつものお店を見比べてから決める。',
      en: 'Usually knows what they want; compares results and prices and shops around before deciding.',
    },
    {
      'zh-CN': '先了解他们对产品的了解程度，再找到他们的触动点，用专业知识帮助补充他们的盲区。',
      'zh-TW': '先了解他們對產品的了解程度，再找到他們的觸動點，用專業知識幫助補充他們的盲區。',
      ja: 'まず商品についてどこまでご存じかを把握し、心が動くポイントを見つけ、専門知識で知らない部分を補う。',
      en: 'First find out how much they already know about the product, then find what moves them, and use your expertise to fill in their blind spots.',
    },
  ),
  entry(
    'trying',
    'seed',
    { 'zh-CN': '尝试型', 'zh-TW': '嘗試型', ja: 'お試し型', en: 'Trying' },
    {
      'zh-CN': '购买次数较少，总是想先试试看产品效果好不好，再决定是否购买。',
      'zh-TW': '購買次數較少，總是想先試試看產品效果好不好，再決定是否購買。',
      ja: '購入回数は少なめで、まず効果を試してから買うかどうかを決めたい。',
      en: 'Buys rarely; always wants to try the product first and see whether it works before deciding to buy.',
    },
    {
      'zh-CN': '加强对产品的专业讲解，反复肯定他们做完项目后的效果。',
      'zh-TW': '加強對產品的專業講解，反覆肯定他們做完項目後的效果。',
      ja: '商品の専門的な説明を充実させ、施術のあとに出た効果を繰り返し認めてお伝えする。',
      en: 'Give a stronger expert explanation of the product, and keep affirming the results they see after each treatment.',
    },
  ),
  entry(
    'companion',
    'seed',
    { 'zh-CN': '伙伴型', 'zh-TW': '夥伴型', ja: '仲間型', en: 'Companion' },
    {
      'zh-CN': '做护理时要叫上好几个小姐妹，购买产品时也会问问其他人的意见。',
      'zh-TW': '做護理時要叫上好幾個小姊妹，購買產品時也會問問其他人的意見。',
      ja: '施術には友だちを何人も誘い、商品を買うときも周りの意見を聞く。',
      en: 'Brings several friends along for treatments and asks others’ opinions before buying.',
    },
    {
      'zh-CN': '找到这群小姐妹中的领袖人物，针对她来做客情和销售，效果会很好。',
      'zh-TW': '找到這群小姊妹中的領袖人物，針對她來做客情和銷售，效果會很好。',
      ja: '仲間うちのリーダー役の方を見つけ、その方を中心に関係づくりと販売を行うと効果的。',
      en: 'Find the leader of the group of friends and focus relationship-building and selling on her; it works well.',
    },
  ),
  entry(
    'independent',
    'seed',
    { 'zh-CN': '孤独型', 'zh-TW': '孤獨型', ja: 'マイペース型', en: 'Independent' },
    {
      'zh-CN': '很有自己的主见，不喜欢他人干涉自己。',
      'zh-TW': '很有自己的主見，不喜歡他人干涉自己。',
      ja: '自分の考えがはっきりしていて、人に口出しされるのを好まない。',
      en: 'Has firm views of their own and does not like others interfering.',
    },
    {
      'zh-CN': '服务时要更加贴心，多给他们讲案例和数据分析。',
      'zh-TW': '服務時要更加貼心，多給他們講案例和數據分析。',
      ja: 'いっそう細やかに気を配り、事例やデータに基づく説明を多めにする。',
      en: 'Be especially attentive, and give them more real cases and data-based analysis.',
    },
  ),
] as const;

export type BuyingPsychologyKey = (typeof BUYING_PSYCHOLOGY_TYPES)[number]['key'];
export type PersonalityTypeKey = (typeof PERSONALITY_TYPES)[number]['key'];
export type CustomerTypeKey = BuyingPsychologyKey | PersonalityTypeKey;

const ALL = new Map<string, CustomerTypeEntry>(
  [...BUYING_PSYCHOLOGY_TYPES, ...PERSONALITY_TYPES].map((e) => [e.key, e]),
);

export function isBuyingPsychologyKey(key: string): key is BuyingPsychologyKey {
  return BUYING_PSYCHOLOGY_TYPES.some((e) => e.key === key);
}

export function isPersonalityTypeKey(key: string): key is PersonalityTypeKey {
  return PERSONALITY_TYPES.some((e) => e.key === key);
}

export function customerType(key: CustomerTypeKey): CustomerTypeEntry<CustomerTypeKey> {
  const found = ALL.get(key);
  if (!found) throw new RangeError(`Unknown customer type: ${key}`);
  return { ...found, key };
}

/** The service guidance for a personality or buying-psychology type, in the staff member's language. */
export function serviceTip(key: CustomerTypeKey, locale: Locale): string {
  return customerType(key).tip[locale];
}

export function customerTypeLabel(key: CustomerTypeKey, locale: Locale): string {
  return customerType(key).label[locale];
}
