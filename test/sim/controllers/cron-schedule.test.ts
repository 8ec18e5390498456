import { describe, expect, it } from 'vitest';
import { firstRunMinutes, SIM_REFERENCE_TIME } from '../../../src/sim/controllers/cron-schedule.js';

const at = (...args: [number, number, number, number?, number?]) => Date.UTC(...args) / 60_000;

describe('first CronJob run (§4.7 SIM)', () => {
  it('finds the first scheduled minute at or after the reference instant', () => {
    expect(firstRunMinutes('* * * * *')).toBe(SIM_REFERENCE_TIME / 60_000);
    expect(firstRunMinutes('15 3 * * *')).toBe(at(2025, 0, 1, 3, 15));
    expect(firstRunMinutes('0 0 1 3 *')).toBe(at(2025, 2, 1));
    expect(firstRunMinutes('@monthly')).toBe(at(2025, 0, 1));
    expect(firstRunMinutes('@weekly')).toBe(at(2025, 0, 5)); // the first Sunday
    expect(firstRunMinutes('0 12 29 2 *')).toBe(at(2028, 1, 29, 12)); // next leap day
  });

  it('matches either day field when both are restricted, both when one is *', () => {
    // Day 15 or a Friday: Friday 2025-01-03 comes first.
    expect(firstRunMinutes('0 0 15 * 5')).toBe(at(2025, 0, 3));
    // */2 in day of month is not a star: either day 1,3,5… or Monday — day 1 matches.
    expect(firstRunMinutes('0 0 */2 * 1')).toBe(at(2025, 0, 1));
    // Star day of month: only Mondays.
    expect(firstRunMinutes('0 0 * * 1')).toBe(at(2025, 0, 6));
  });

  it('gives nothing for invalid schedules or ones that never fire', () => {
    expect(firstRunMinutes('not a schedule')).toBeUndefined();
    expect(firstRunMinutes('0 0 31 4 *')).toBeUndefined();
    expect(firstRunMinutes('@every 1h')).toBe(SIM_REFERENCE_TIME / 60_000);
  });
});
