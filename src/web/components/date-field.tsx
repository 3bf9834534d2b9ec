// A date field that speaks the UI language: the browser's own date picker follows the browser's locale,
// so a Japanese-speaking owner on an English browser would get "mm/dd/yyyy". Here the format is said in
// the chosen language, the date typed is read back in words, and a calendar in that language is one tap
// away. Keyboard: type the date; ↑/↓ change it by a day, Page Up/Page Down by a month.
import { ActionIcon, Popover, TextInput, type MantineStyleProp, type StyleProp } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, clampDay, formatDayLong, formatDayMedium, parseDayInput, todayIn } from '../lib/days';
import { DateCalendar } from './date-calendar';
import { Icon } from './icons';

type Props = {
  label: string;
  /** `YYYY-MM-DD`, or '' for no date. */
  value: string;
  onChange: (day: string) => void;
  min?: string;
  max?: string;
  /** Whose "today" the calendar marks: the store's time zone. */
  timeZone?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  style?: MantineStyleProp;
  w?: StyleProp<string | number>;
};

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function DateField({
  label,
  value,
  onChange,
  min,
  max,
  timeZone = BROWSER_ZONE,
  error,
  required,
  disabled,
  style,
  w,
}: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [text, setText] = useState(value);
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState(false);

  // A value set from outside (cleared filters, a preset period) replaces what is typed.
  useEffect(() => {
    if ((parseDayInput(text) ?? '') !== value) setText(value);
  }, [value]);

  const parsed = parseDayInput(text);
  const problem =
    parsed === undefined
      ? t('dateField.invalid', { example: '2026-03-15' })
      : parsed && min && parsed < min
        ? t('dateField.beforeMin', { day: formatDayMedium(min, locale) })
        : parsed && max && parsed > max
          ? t('dateField.afterMax', { day: formatDayMedium(max, locale) })
          : null;

  function type(next: string) {
    setText(next);
    const day = parseDayInput(next);
    if (day === null) onChange('');
    else if (day && (!min || day >= min) && (!max || day <= max)) onChange(day);
  }

  function pick(day: string) {
    setText(day);
    setTouched(false);
    onChange(day);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const step: Record<string, (d: string) => string> = {
      ArrowUp: (d) => addDays(d, 1),
      ArrowDown: (d) => addDays(d, -1),
      PageUp: (d) => addMonths(d, 1),
      PageDown: (d) => addMonths(d, -1),
    };
    const f = step[e.key];
    if (f) {
      e.preventDefault();
      const from = parsed ?? todayIn(timeZone);
      pick(clampDay(parsed ? f(from) : from, min, max));
    } else if (e.key === 'Enter') setTouched(true);
  }

  const shown = touched || (parsed !== undefined && problem !== null) ? problem : null;
  const inWords = parsed && !problem ? formatDayLong(parsed, locale) : null;

  return (
    <Popover opened={open} onChange={setOpen} position="bottom-end" trapFocus returnFocus withinPortal shadow="md">
      <Popover.Target>
        <TextInput
          label={label}
          value={text}
          onChange={(e) => type(e.currentTarget.value)}
          onBlur={() => {
            setTouched(true);
            if (parsed) setText(parsed);
          }}
          onKeyDown={onKeyDown}
          placeholder={t('dateField.placeholder')}
          description={inWords ?? t('dateField.format')}
          // Under the input, so fields side by side line up whatever the length of their description.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={error ?? shown ?? undefined}
          required={required}
          disabled={disabled}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          style={style}
          w={w}
          rightSectionPointerEvents="all"
          rightSection={
            <ActionIcon
              variant="subtle"
              onClick={() => setOpen((o) => !o)}
              aria-label={t('dateField.openCalendar', { label })}
              aria-expanded={open}
              disabled={disabled}
            >
              <Icon name="calendar" size={18} />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown>
        {open && (
          <DateCalendar
            value={parsed ?? null}
            today={todayIn(timeZone)}
            min={min}
            max={max}
            onPick={pick}
            onCancel={() => setOpen(false)}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
