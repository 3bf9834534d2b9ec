// A month calendar in the UI language (month names, weekdays and first day of the week from the chosen
// language, not the browser's). Keyboard: arrows move a day or a week, Page Up / Page Down a month,
// Home / End the week's ends, Enter or Space picks; one day at a time is in the tab order.
import { ActionIcon, Group, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDays,
  addMonths,
  clampDay,
  formatDayLong,
  formatMonthTitle,
  monthWeeks,
  partsOf,
  toDay,
  weekBounds,
  weekdayNames,
} from '../lib/days';
import { Icon } from './icons';
import './date-calendar.css';

type Props = {
  value: string | null;
  today: string;
  min?: string;
  max?: string;
  onPick: (day: string) => void;
  onCancel: () => void;
};

export function DateCalendar({ value, today, min, max, onPick, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [focused, setFocused] = useState(() => clampDay(value ?? today, min, max));
  const grid = useRef<HTMLTableElement>(null);
  const movedByKey = useRef(false);
  const { year, month } = partsOf(focused);
  const outside = (day: string) => Boolean((min && day < min) || (max && day > max));

  // Keyboard moves follow focus to the new day (also across months); opening focuses the chosen day.
  useEffect(() => {
    const btn = grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focused}"]`);
    if (btn && (movedByKey.current || !grid.current?.contains(document.activeElement))) btn.focus();
    movedByKey.current = false;
  }, [focused]);

  function move(e: KeyboardEvent, day: string) {
    const [weekStart, weekEnd] = weekBounds(day, locale);
    const next: Record<string, string> = {
      ArrowLeft: addDays(day, -1),
      ArrowRight: addDays(day, 1),
      ArrowUp: addDays(day, -7),
      ArrowDown: addDays(day, 7),
      PageUp: e.shiftKey ? addMonths(day, -12) : addMonths(day, -1),
      PageDown: e.shiftKey ? addMonths(day, 12) : addMonths(day, 1),
      Home: weekStart,
      End: weekEnd,
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      return onCancel();
    }
    const to = next[e.key];
    if (!to) return;
    e.preventDefault();
    movedByKey.current = true;
    setFocused(clampDay(to, min, max));
  }

  const stepMonth = (n: number) => setFocused(clampDay(addMonths(focused, n), min, max));

  return (
    <div>
      <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap">
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={() => stepMonth(-1)}
          aria-label={t('dateField.previousMonth')}
          disabled={Boolean(min && toDay(year, month, 1) <= min)}
        >
          <Icon name="chevronLeft" size={18} />
        </ActionIcon>
        <Text fw={600} aria-live="polite" id={`cal-${year}-${month}`}>
          {formatMonthTitle(year, month, locale)}
        </Text>
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={() => stepMonth(1)}
          aria-label={t('dateField.nextMonth')}
          disabled={Boolean(max && addMonths(toDay(year, month, 1), 1) > max)}
        >
          <Icon name="chevronRight" size={18} />
        </ActionIcon>
      </Group>
      <table ref={grid} role="grid" aria-labelledby={`cal-${year}-${month}`} className="date-calendar">
        <thead>
          <tr>
            {weekdayNames(locale).map((w, i) => (
              <th key={i} scope="col" abbr={w}>
                <Text span size="xs" c="dimmed">
                  {w}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month, locale).map((week, w) => (
            <tr key={w}>
              {week.map((day, i) =>
                day === null ? (
                  <td key={i} />
                ) : (
                  <td key={day}>
                    <UnstyledButton
                      data-day={day}
                      className="date-calendar-day"
                      data-selected={day === value || undefined}
                      data-today={day === today || undefined}
                      aria-pressed={day === value}
                      aria-current={day === today ? 'date' : undefined}
                      aria-label={formatDayLong(day, locale)}
                      tabIndex={day === focused ? 0 : -1}
                      data-autofocus={day === focused || undefined}
                      disabled={outside(day)}
                      onClick={() => onPick(day)}
                      onKeyDown={(e) => move(e, day)}
                      onFocus={() => setFocused(day)}
                    >
                      {partsOf(day).day}
                    </UnstyledButton>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <Group justify="space-between" mt="xs">
        <UnstyledButton
          className="date-calendar-link"
          onClick={() => onPick(clampDay(today, min, max))}
          disabled={outside(today)}
        >
          {t('dateField.today')}
        </UnstyledButton>
      </Group>
    </div>
  );
}
