// The default question bank, in the spirit of the Mackay 66 customer profile (seed 002), trimmed to what
// a boutique or salon guide can learn in conversation. Organisations edit it freely.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CustomField, Labels } from '../../../contracts/custom-fields';
import type { Db } from '../../db/client';
import { customerCustomValues, customFields, customFieldSections, organizations } from '../../db/schema';

const L = (zhCN: string, zhTW: string, ja: string, en: string): Labels => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, ja, en });
type Opt = { value: string; labels: Labels };
type Q = { key: string; type: CustomField['type']; labels: Labels; options?: Opt[] };

export const DEFAULT_BANK: Array<{ key: string; labels: Labels; fields: Q[] }> = [
  {
    key: 'background',
    labels: L('个人背景', '個人背景', 'バックグラウンド', 'Background'),
    fields: [
      { key: 'hometown', type: 'text', labels: L('家乡', '家鄉', '出身地', 'Hometown') },
      {
        key: 'education',
        type: 'choice',
        labels: L('学历', '學歷', '最終学歴', 'Education'),
        options: [
          { value: 'secondary', labels: L('中学', '中學', '高校', 'Secondary school') },
          { value: 'college', labels: L('大专', '專科', '短大・専門', 'College') },
          { value: 'bachelor', labels: L('本科', '大學', '大学', "Bachelor's") },
          { value: 'postgraduate', labels: L('研究生及以上', '研究所以上', '大学院', 'Postgraduate') },
        ],
      },
    ],
  },
  {
    key: 'lifestyle',
    labels: L('生活方式', '生活方式', 'ライフスタイル', 'Lifestyle'),
    fields: [
      {
        key: 'sports',
        type: 'multi_choice',
        labels: L('喜欢的运动', '喜歡的運動', '好きなスポーツ', 'Sports she enjoys'),
        options: [
          { value: 'yoga', labels: L('瑜伽', '瑜伽', 'ヨガ', 'Yoga') },
          { value: 'running', labels: L('跑步', '跑步', 'ランニング', 'Running') },
          { value: 'swimming', labels: L('游泳', '游泳', '水泳', 'Swimming') },
          { value: 'hiking', labels: L('徒步登山', '健行登山', 'ハイキング', 'Hiking') },
          { value: 'golf', labels: L('高尔夫', '高爾夫', 'ゴルフ', 'Golf') },
          { value: 'dance', labels: L('舞蹈', '舞蹈', 'ダンス', 'Dance') },
        ],
      },
      {
        key: 'favourite_places',
        type: 'text',
        labels: L('常去的餐厅或地方', '常去的餐廳或地方', 'よく行くお店・場所', 'Favourite restaurants or places'),
      },
      { key: 'travel', type: 'text', labels: L('旅行喜好', '旅行喜好', '旅行の好み', 'Travel she enjoys') },
      {
        key: 'pets',
        type: 'choice',
        labels: L('宠物', '寵物', 'ペット', 'Pets'),
        options: [
          { value: 'none', labels: L('没有', '沒有', 'なし', 'None') },
          { value: 'dog', labels: L('狗', '狗', '犬', 'Dog') },
          { value: 'cat', labels: L('猫', '貓', '猫', 'Cat') },
          { value: 'other', labels: L('其他', '其他', 'その他', 'Other') },
        ],
      },
    ],
  },
  {
    key: 'relationship',
    labels: L('与本店', '與本店', '当店とのご縁', 'Her and us'),
    fields: [
      {
        key: 'found_us',
        type: 'choice',
        labels: L('如何认识本店', '如何認識本店', '当店を知ったきっかけ', 'How she found us'),
        options: [
          { value: 'friend', labels: L('朋友介绍', '朋友介紹', '知人の紹介', 'A friend') },
          { value: 'passing', labels: L('路过', '路過', '通りがかり', 'Passing by') },
          { value: 'social', labels: L('社交媒体', '社群媒體', 'SNS', 'Social media') },
          { value: 'event', labels: L('活动', '活動', 'イベント', 'An event') },
        ],
      },
      {
        key: 'first_visit_date',
        type: 'date',
        labels: L('第一次到店日期', '第一次到店日期', '初来店日', 'First visit'),
      },
      {
        key: 'events_wanted',
        type: 'text',
        labels: L('希望参加的活动', '希望參加的活動', '参加したいイベント', 'Events she would like'),
      },
      {
        key: 'visits_per_year',
        type: 'number',
        labels: L('每年大约到店次数', '每年大約到店次數', '年間の来店回数(目安)', 'Visits per year (about)'),
      },
    ],
  },
];

/** Seeds the default bank for any organisation that has none yet; safe to run on every start. */
export async function ensureDefaultQuestionBanks(db: Db): Promise<void> {
  const orgs = await db.select({ id: organizations.orgId }).from(organizations);
  for (const { id: orgId } of orgs) {
    const [any] = await db
      .select({ id: customFieldSections.id })
      .from(customFieldSections)
      .where(eq(customFieldSections.orgId, orgId))
      .limit(1);
    if (any) continue;
    await db.transaction(async (tx) => {
      for (const [i, section] of DEFAULT_BANK.entries()) {
        const [s] = await tx
          .insert(customFieldSections)
          .values({ orgId, key: section.key, labels: section.labels, position: (i + 1) * 10 })
          .onConflictDoNothing()
          .returning();
        if (!s) continue;
        await tx.insert(customFields).values(
          section.fields.map((f, j) => ({
            orgId,
            sectionId: s.id,
            key: f.key,
            type: f.type,
            labels: f.labels,
            options: f.options ?? [],
            position: (j + 1) * 10,
          })),
        );
      }
    });
  }
}

export function toCustomField(f: typeof customFields.$inferSelect, answerCount = 0): CustomField {
  return {
    id: f.id,
    sectionId: f.sectionId,
    key: f.key,
    type: f.type as CustomField['type'],
    labels: f.labels,
    options: f.options,
    position: f.position,
    isActive: f.isActive,
    answerCount,
  };
}

async function answerCounts(db: Db, orgId: string, fieldIds?: string[]): Promise<Map<string, number>> {
  const list = await db
    .select({ fieldId: customerCustomValues.fieldId, n: sql<number>`count(*)::int` })
    .from(customerCustomValues)
    .where(
      fieldIds
        ? and(eq(customerCustomValues.orgId, orgId), inArray(customerCustomValues.fieldId, fieldIds))
        : eq(customerCustomValues.orgId, orgId),
    )
    .groupBy(customerCustomValues.fieldId);
  return new Map(list.map((r) => [r.fieldId, r.n]));
}

/** One question as the editor sees it, with how many customers answered it. */
export async function toCustomFieldWithCount(db: Db, f: typeof customFields.$inferSelect): Promise<CustomField> {
  return toCustomField(f, (await answerCounts(db, f.orgId, [f.id])).get(f.id) ?? 0);
}

export async function getQuestionBank(db: Db, orgId: string, includeInactive = false) {
  const [sections, fields, counts] = await Promise.all([
    db
      .select()
      .from(customFieldSections)
      .where(eq(customFieldSections.orgId, orgId))
      .orderBy(asc(customFieldSections.position), asc(customFieldSections.key)),
    db
      .select()
      .from(customFields)
      .where(
        includeInactive
          ? eq(customFields.orgId, orgId)
          : and(eq(customFields.orgId, orgId), eq(customFields.isActive, true)),
      )
      .orderBy(asc(customFields.position), asc(customFields.key)),
    answerCounts(db, orgId),
  ]);
  return {
    sections: sections.map((s) => ({
      id: s.id,
      key: s.key,
      labels: s.labels,
      position: s.position,
      fields: fields.filter((f) => f.sectionId === s.id).map((f) => toCustomField(f, counts.get(f.id) ?? 0)),
    })),
  };
}
