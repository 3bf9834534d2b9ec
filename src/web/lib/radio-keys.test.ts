import { describe, expect, it } from 'vitest';
import { radioKeyTarget } from './radio-keys';

describe('radioKeyTarget', () => {
  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowDown', 3, 4],
    ['ArrowLeft', 3, 2],
    ['ArrowUp', 1, 0],
    ['ArrowRight', 10, 0],
    ['ArrowDown', 10, 0],
    ['ArrowLeft', 0, 10],
    ['ArrowUp', 0, 10],
    ['Home', 7, 0],
    ['End', 2, 10],
  ])('%s from %i of 11 goes to %i', (key, from, to) => {
    expect(radioKeyTarget(key, from, 11)).toBe(to);
  });

  it('ignores other keys and empty groups', () => {
    expect(radioKeyTarget('Enter', 2, 11)).toBeNull();
    expect(radioKeyTarget(' ', 2, 11)).toBeNull();
    expect(radioKeyTarget('ArrowRight', 0, 0)).toBeNull();
  });
});
