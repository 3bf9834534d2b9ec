import { describe, expect, it } from 'vitest';
import { addableTagOptions, deleteTagMessage, sortTags } from './tags';

const tag = (id: string, name: string) => ({ id, name, colour: 'gray' as const });

describe('sortTags', () => {
  it('orders by name in the reader’s language, case-insensitively and with numbers in order', () => {
    const list = [tag('1', 'gift buyer'), tag('2', 'VIP 10'), tag('3', 'Allergy'), tag('4', 'VIP 9')];
    expect(sortTags(list, 'en').map((t) => t.name)).toEqual(['Allergy', 'gift buyer', 'VIP 9', 'VIP 10']);
  });

  it('orders Chinese names by pinyin in zh-CN', () => {
    const list = [tag('1', '敏感肌'), tag('2', '常买礼品'), tag('3', '偏好微信联系')];
    expect(sortTags(list, 'zh-CN').map((t) => t.name)).toEqual(['常买礼品', '敏感肌', '偏好微信联系']);
  });

  it('does not change the list it is given', () => {
    const list = [tag('1', 'b'), tag('2', 'a')];
    sortTags(list, 'en');
    expect(list.map((t) => t.id)).toEqual(['1', '2']);
  });
});

describe('addableTagOptions', () => {
  it('offers every tag she does not carry, by name', () => {
    const all = [tag('a', 'Sensitive skin'), tag('b', 'Gift buyer'), tag('c', 'VIP event guest')];
    expect(addableTagOptions(all, [{ id: 'c' }], 'en')).toEqual([
      { value: 'b', label: 'Gift buyer' },
      { value: 'a', label: 'Sensitive skin' },
    ]);
  });

  it('offers nothing when she carries them all', () => {
    expect(addableTagOptions([tag('a', 'x')], [{ id: 'a' }], 'en')).toEqual([]);
  });
});

describe('deleteTagMessage', () => {
  it('says how many customers carry the tag', () => {
    expect(deleteTagMessage({ name: 'VIP', customers: 12 })).toEqual({
      key: 'tags.manage.deleteCarried',
      params: { name: 'VIP', count: 12 },
    });
  });

  it('has its own words for a tag nobody carries', () => {
    expect(deleteTagMessage({ name: 'VIP', customers: 0 })).toEqual({
      key: 'tags.manage.deleteUnused',
      params: { name: 'VIP' },
    });
  });
});
