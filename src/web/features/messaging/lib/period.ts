// Reporting periods in store-local days (YYYY-MM-DD), as the store manager thinks of them.

export type Period = { from: string; to: string };
export const PRESETS = ['thisMonth', 'lastMonth', 'last7', 'last30', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** Today in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The period a preset names, relative to `today` (custom keeps the current one). */
export function presetPeriod(preset: Preset, today: string, current: Period): Period {
  switch (preset) {
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'lastMonth': {
      const lastOfPrevious = addDays(`${today.slice(0, 8)}01`, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'custom':
      return current;
  }
}
