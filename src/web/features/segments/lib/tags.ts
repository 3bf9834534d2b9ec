// Pure helpers of the tag screens: what the picker offers, the order tags show in, what a delete warns.
import type { TAG_COLOURS } from '../../../../contracts/segments';

export type TagColour = (typeof TAG_COLOURS)[number];
type TagLike = { id: string; name: string; colour: TagColour };

/** Tags by name in the reader's language (pinyin / stroke / kana order comes from Intl.Collator). */
export function sortTags<T extends TagLike>(list: readonly T[], locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...list].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** What the "add a tag" picker offers: every tag she does not carry yet, by name. */
export function addableTagOptions(
  all: readonly TagLike[],
  carried: readonly { id: string }[],
  locale: string,
): Array<{ value: string; label: string }> {
  const has = new Set(carried.map((t) => t.id));
  return sortTags(
    all.filter((t) => !has.has(t.id)),
    locale,
  ).map((t) => ({ value: t.id, label: t.name }));
}

/** The i18n key and parameters of the delete confirmation: it says how many of your customers carry the tag. */
export function deleteTagMessage(tag: { name: string; customers: number }): {
  key: string;
  params: Record<string, string | number>;
} {
  return tag.customers > 0
    ? { key: 'tags.manage.deleteCarried', params: { name: tag.name, count: tag.customers } }
    : { key: 'tags.manage.deleteUnused', params: { name: tag.name } };
}
