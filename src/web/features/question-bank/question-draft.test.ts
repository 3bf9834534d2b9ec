import { describe, expect, it } from 'vitest';
import {
  emptyDraft,
  newOption,
  optionValues,
  serverErrors,
  suggestKey,
  toBody,
  validateDraft,
  type QuestionDraft,
} from './question-draft';

const L = (zhCN: string, zhTW: string, ja: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, ja, en });

describe('suggestKey', () => {
  it.each([
    ['Favourite drink', 'favourite_drink'],
    ["Children's school", 'children_s_school'],
    ['  2nd phone ', 'nd_phone'],
    ['Café visits', 'cafe_visits'],
    ['喜欢的饮品', ''],
    ['A', ''],
  ])('%s → %s', (text, key) => {
    expect(suggestKey(text)).toBe(key);
  });
});

describe('option values', () => {
  it('makes them from the English wording, numbered when that gives nothing or a duplicate', () => {
    const opts = [newOption(), newOption(), newOption()];
    opts[0]!.labels = L('茶', '茶', 'お茶', 'Tea');
    opts[1]!.labels = L('茶', '茶', 'お茶', 'Tea');
    opts[2]!.labels = L('其他', '其他', 'その他', '');
    expect(optionValues(opts)).toEqual(['tea', 'tea_2', 'option_3']);
  });

  it('keeps the value of an option that already exists', () => {
    const kept = { uid: 'tea', value: 'tea', labels: L('茶饮', '茶飲', 'お茶', 'Tea drinks'), isNew: false };
    const added = { ...newOption(), labels: L('茶', '茶', 'お茶', 'Tea') };
    expect(optionValues([kept, added])).toEqual(['tea', 'tea_2']);
  });
});

describe('validateDraft', () => {
  it('asks for the code, every wording and every option wording', () => {
    const d: QuestionDraft = { ...emptyDraft(), type: 'choice', labels: L('饮品', '', 'お飲み物', 'Drink') };
    d.options[0]!.labels = L('茶', '茶', 'お茶', 'Tea');
    expect(validateDraft(d, { isNew: true })).toEqual({
      key: 'errors:field.required',
      'labels.zh-TW': 'errors:field.required',
      'options.1.labels.zh-CN': 'errors:field.required',
      'options.1.labels.zh-TW': 'errors:field.required',
      'options.1.labels.ja': 'errors:field.required',
      'options.1.labels.en': 'errors:field.required',
    });
  });

  it('checks the code format, two options, and ignores options of a text question', () => {
    const choice: QuestionDraft = { ...emptyDraft(), key: 'Bad', type: 'multi_choice', options: [] };
    choice.labels = L('a', 'a', 'a', 'a');
    expect(validateDraft(choice, { isNew: true })).toEqual({
      key: 'questionBank.errors.keyFormat',
      options: 'questionBank.errors.twoOptions',
    });
    expect(validateDraft({ ...choice, type: 'text' }, { isNew: false })).toEqual({});
  });
});

describe('toBody and server errors', () => {
  it('trims the wording and sends no options for a text question', () => {
    const d: QuestionDraft = {
      ...emptyDraft(),
      key: 'nickname',
      labels: L(' 昵称 ', '暱稱', 'ニックネーム', 'Nickname'),
    };
    expect(toBody(d)).toEqual({
      key: 'nickname',
      type: 'text',
      labels: L('昵称', '暱稱', 'ニックネーム', 'Nickname'),
      options: [],
    });
  });

  it('puts each server error under its input', () => {
    expect(
      serverErrors([
        { field: 'body.key', code: 'taken', message: '' },
        { field: 'body.labels.ja', code: 'too_small', message: '' },
        { field: 'body.options', code: 'option_in_use', message: '' },
        { field: 'body.options.2.labels.en', code: 'too_small', message: '' },
        { field: 'body.sectionId', code: 'unknown_section', message: '' },
      ]),
    ).toEqual({
      key: 'errors:field.taken',
      'labels.ja': 'errors:field.required',
      options: 'questionBank.errors.optionInUse',
      'options.2.labels.en': 'errors:field.required',
      form: 'errors:field.invalid',
    });
  });
});
