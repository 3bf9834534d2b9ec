// Arrow keys in a radio group (WAI-ARIA APG): they move and select, wrapping at the ends; Home and End
// go to the first and last. Both axes, since a row of swatches wraps onto several lines.
const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** The index a key moves to from `index` among `count` radios, or null when the key is not a move. */
export function radioKeyTarget(key: string, index: number, count: number): number | null {
  if (count < 1) return null;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = STEPS[key];
  return step === undefined ? null : (index + step + count) % count;
}
