import { describe, expect, it } from 'vitest';
import { addDays, presetPeriod, todayIn } from './period';

describe('reporting periods', () => {
  it('takes today in the store time zone, not the phone one', () => {
    const at = new Date('2026-03-31T16:30:00Z'); // 00:30 on 1 April in Shanghai and Tokyo's 01:30
    expect(todayIn('Asia/Shanghai', at)).toBe('2026-04-01');
    expect(todayIn('Europe/London', at)).toBe('2026-03-31');
  });

  it('names months and rolling windows, across month and leap-year ends', () => {
    const cur = { from: '2026-01-01', to: '2026-01-02' };
    expect(presetPeriod('thisMonth', '2026-03-15', cur)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetPeriod('lastMonth', '2028-03-15', cur)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('lastMonth', '2026-01-10', cur)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('last7', '2026-03-03', cur)).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(presetPeriod('last30', '2026-03-30', cur)).toEqual({ from: '2026-03-01', to: '2026-03-30' });
    expect(presetPeriod('custom', '2026-03-30', cur)).toBe(cur);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
