// The catalogue of what a customer file can hold, as seed 001 divides it: hard data (20% of the value)
// and soft data (80%), with the etiquette of when each thing may be learnt (seeds 001 and 003): name and
// phone at the first visit; birthday and address only if she does not mind; the rest over later
// conversations, never "because the company needs it".
import type { Locale } from '../contracts/common';

export type ProfilePart = 'hard' | 'soft';

/** first_visit: ask at registration · with_consent: only if she does not mind · later: over time. */
export type EtiquetteStage = 'first_visit' | 'with_consent' | 'later';

export const ETIQUETTE_STAGES: readonly EtiquetteStage[] = ['first_visit', 'with_consent', 'later'];

export const PART_WEIGHTS: Readonly<Record<ProfilePart, number>> = { hard: 20, soft: 80 };

export type ProfileFieldDefinition = {
  key: string;
  part: ProfilePart;
  /** Relative weight inside its part. */
  weight: number;
  stage: EtiquetteStage;
  /** Order in which staff should try to learn the field, within its stage (lower first). */
  askOrder: number;
  /** Noted by staff from what they see and hear rather than asked outright (personality, gender). */
  isObserved: boolean;
  label: Readonly<Record<Locale, string>>;
};

const field = <K extends string>(
  key: K,
  part: ProfilePart,
  weight: number,
  stage: EtiquetteStage,
  askOrder: number,
  isObserved: boolean,
  zhCN: string,
  zhTW: string,
  ja: string,
  en: string,
) => ({ key, part, weight, stage, askOrder, isObserved, label: { 'zh-CN': zhCN, 'zh-TW': zhTW, ja, en } }) as const;

export const PROFILE_FIELDS = [
  // Hard data (硬件档案, 20%)
  field('name', 'hard', 3, 'first_visit', 1, false, '姓名', '姓名', '氏名', 'Name'),
  field('phone', 'hard', 3, 'first_visit', 2, false, '电话', '電話', '電話番号', 'Phone'),
  field('birthday', 'hard', 2, 'with_consent', 10, false, '生日', '生日', '誕生日', 'Birthday'),
  field('address', 'hard', 1, 'with_consent', 11, false, '地址', '地址', '住所', 'Address'),
  field('gender', 'hard', 1, 'later', 20, true, '性别', '性別', '性別', 'Gender'),
  field(
    'sizes',
    'hard',
    2,
    'later',
    21,
    false,
    '尺码(服装、鞋)',
    '尺碼(服裝、鞋)',
    'サイズ(服・靴)',
    'Sizes (clothing, shoes)',
  ),
  field('ageBand', 'hard', 1, 'later', 22, true, '年龄段', '年齡層', '年代', 'Age range'),
  field('email', 'hard', 1, 'later', 23, false, '邮箱', '電子郵件', 'メールアドレス', 'E-mail'),
  field('skinType', 'hard', 1, 'later', 24, false, '肤质', '膚質', '肌質', 'Skin type'),
  field('measurements', 'hard', 1, 'later', 40, false, '身材尺寸', '身形尺寸', '採寸', 'Body measurements'),
  field('ethnicity', 'hard', 1, 'later', 70, true, '民族', '民族', '民族', 'Ethnicity'),
  // Soft data (软件档案, 80%)
  field(
    'contactTimes',
    'soft',
    2,
    'later',
    25,
    false,
    '方便联系的时间',
    '方便聯繫的時間',
    '連絡しやすい時間帯',
    'Best times to contact',
  ),
  field(
    'stylePreferences',
    'soft',
    3,
    'later',
    26,
    false,
    '着装喜好',
    '穿著喜好',
    '好きなスタイル',
    'Style preferences',
  ),
  field('colourPreferences', 'soft', 2, 'later', 27, false, '颜色喜好', '顏色喜好', '好きな色', 'Colour preferences'),
  field(
    'preferredServiceStyle',
    'soft',
    2,
    'later',
    28,
    true,
    '喜欢的服务方式',
    '喜歡的服務方式',
    '好みの接客スタイル',
    'Preferred service style',
  ),
  field('work', 'soft', 2, 'later', 30, false, '工作情况', '工作狀況', 'お仕事', 'Work'),
  field('family', 'soft', 3, 'later', 31, false, '家庭情况', '家庭狀況', 'ご家族', 'Family'),
  field('hobbies', 'soft', 2, 'later', 32, false, '兴趣爱好', '興趣愛好', '趣味', 'Hobbies'),
  field('importantDates', 'soft', 2, 'later', 33, false, '重要日子', '重要日子', '記念日', 'Important dates'),
  field('personalityType', 'soft', 2, 'later', 34, true, '性格类型', '性格類型', '性格タイプ', 'Personality type'),
  field('buyingPsychology', 'soft', 2, 'later', 35, true, '消费心理', '消費心理', '購買心理', 'Buying psychology'),
  field('consumptionHabits', 'soft', 2, 'later', 36, true, '消费习惯', '消費習慣', 'お買い物の傾向', 'Shopping habits'),
  field(
    'promotionReceptiveness',
    'soft',
    2,
    'later',
    37,
    false,
    '对促销信息的接受度',
    '對促銷資訊的接受度',
    'キャンペーン案内のご希望',
    'Receptiveness to promotions',
  ),
  field('fabricPreferences', 'soft', 1, 'later', 41, false, '面料喜好', '面料喜好', '好きな素材', 'Fabric preferences'),
  field(
    'brandPreferences',
    'soft',
    1,
    'later',
    42,
    false,
    '品牌喜好',
    '品牌喜好',
    '好きなブランド',
    'Brand preferences',
  ),
  field('lifeHabits', 'soft', 2, 'later', 43, false, '生活习惯', '生活習慣', '生活習慣', 'Life habits'),
  field(
    'healthNotes',
    'soft',
    1,
    'later',
    44,
    false,
    '健康与身体状况',
    '健康與身體狀況',
    '健康・体のこと',
    'Health and body notes',
  ),
  field('values', 'soft', 1, 'later', 50, true, '价值观', '價值觀', '価値観', 'Values'),
  field('customAnswers', 'soft', 2, 'later', 55, false, '自定义问题', '自訂問題', '追加の質問', 'Custom questions'),
  field('notes', 'soft', 1, 'later', 90, true, '备注', '備註', 'メモ', 'Notes'),
] as const satisfies readonly ProfileFieldDefinition[];

export type ProfileFieldKey = (typeof PROFILE_FIELDS)[number]['key'];

/** A catalogue entry with its key typed. */
export type ProfileField = ProfileFieldDefinition & { key: ProfileFieldKey };

export const PROFILE_FIELD_KEYS: readonly ProfileFieldKey[] = PROFILE_FIELDS.map((f) => f.key);

const BY_KEY = new Map<string, ProfileField>(PROFILE_FIELDS.map((f) => [f.key, f]));

export function isProfileFieldKey(key: string): key is ProfileFieldKey {
  return BY_KEY.has(key);
}

export function profileField(key: ProfileFieldKey): ProfileField {
  const definition = BY_KEY.get(key);
  if (!definition) throw new RangeError(`Unknown profile field: ${key}`);
  return definition;
}

export function profileFieldLabel(key: ProfileFieldKey, locale: Locale): string {
  return profileField(key).label[locale];
}
