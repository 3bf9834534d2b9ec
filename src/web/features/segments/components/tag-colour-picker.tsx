import { CheckIcon, ColorSwatch, Group } from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_COLOURS } from '../../../../contracts/segments';
import { radioKeyTarget } from '../../../lib/radio-keys';
import type { TagColour } from '../lib/tags';

/**
 * The badge colours as a radio group: one tab stop (the chosen swatch), arrow keys move and choose,
 * Home and End go to the first and last.
 */
export function TagColourPicker({
  value,
  onChange,
  label,
}: {
  value: TagColour;
  onChange: (colour: TagColour) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const swatches = useRef<Array<HTMLButtonElement | null>>([]);

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const to = radioKeyTarget(e.key, index, TAG_COLOURS.length);
    if (to === null) return;
    e.preventDefault();
    onChange(TAG_COLOURS[to]!);
    swatches.current[to]?.focus();
  }

  return (
    <Group gap={8} mt={4} role="radiogroup" aria-label={label}>
      {TAG_COLOURS.map((c, i) => {
        const name = t(`tags.colours.${c}`, { defaultValue: c });
        const isChosen = c === value;
        return (
          <ColorSwatch
            key={c}
            ref={(el: HTMLButtonElement | null) => {
              swatches.current[i] = el;
            }}
            component="button"
            type="button"
            role="radio"
            aria-checked={isChosen}
            aria-label={name}
            title={name}
            tabIndex={isChosen ? 0 : -1}
            color={`var(--mantine-color-${c}-6)`}
            size={32}
            onClick={() => onChange(c)}
            onKeyDown={(e: KeyboardEvent<HTMLButtonElement>) => onKeyDown(e, i)}
            style={{ color: '#fff', cursor: 'pointer' }}
          >
            {isChosen && <CheckIcon width={14} />}
          </ColorSwatch>
        );
      })}
    </Group>
  );
}
