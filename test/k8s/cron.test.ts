/**
 * The CronJob schedule parser, checked against an independent implementation: cron-parser (a dev
 * dependency used only here) must accept every generated 5-field expression drydock accepts, select
 * the same values in every field, and reject the invalid ones drydock rejects. Known differences are
 * skipped where they occur: cron-parser also takes 6 fields, H, L, W, # and weekday 7, and it refuses
 * day-of-month values no selected month has (`0 0 31 2 *`) and `@every`, which Kubernetes accepts.
 */
import { CronExpressionParser } from 'cron-parser';
import { describe, expect, it } from 'vitest';
import { cronNeverRuns, cronScheduleError, isGoDuration, parseCronSchedule, type CronField } from '../../src/k8s/cron.js';

/** A small deterministic PRNG (mulberry32), so a failure can be reproduced. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOUNDS: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];
const NAMES: (string[] | undefined)[] = [
  undefined,
  undefined,
  undefined,
  ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
];

function validItem(r: () => number, field: number): string {
  const [min, max] = BOUNDS[field];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const value = (v: number) => {
    const names = NAMES[field];
    if (names && r() < 0.3) {
      const name = names[v - min];
      return r() < 0.5 ? name : name.toLowerCase();
    }
    return r() < 0.1 ? `0${v}` : String(v);
  };
  const a = int(min, max);
  const b = int(a, max);
  const step = int(1, max - min + 1);
  switch (Math.floor(r() * 6)) {
    case 0:
      return field >= 2 && field !== 3 && r() < 0.3 ? '?' : '*';
    case 1:
      return value(a);
    case 2:
      return `${value(a)}-${value(b)}`;
    case 3:
      return `*/${step}`;
    case 4:
      return `${value(a)}-${value(b)}/${step}`;
    default:
      // cron-parser reads "N/step" in the day-of-week field up to 7 (Sunday again); Kubernetes stops at 6
      return field === 4 ? `${value(a)}-${value(b)}/${step}` : `${value(a)}/${step}`;
  }
}

function validExpression(r: () => number): string {
  return BOUNDS.map(([min, max], field) => {
    const pick = r();
    if (pick < 0.7) return validItem(r, field);
    if (pick < 0.9) {
      // distinct single values (cron-parser refuses overlapping list items)
      const values = new Set(Array.from({ length: 2 + Math.floor(r() * 3) }, () => min + Math.floor(r() * (max - min + 1))));
      return [...values].join(',');
    }
    return Array.from({ length: 2 + Math.floor(r() * 2) }, () => validItem(r, field)).join(',');
  }).join(' ');
}

/** The values cron-parser selects per field, weekday 7 folded into 0. */
function oracleFields(expression: string): number[][] | string {
  try {
    const f = CronExpressionParser.parse(expression, { strict: false }).fields;
    const dow = [...new Set(f.dayOfWeek.values.map((v) => (Number(v) === 7 ? 0 : Number(v))))];
    return [f.minute.values, f.hour.values, f.dayOfMonth.values, f.month.values, dow].map((vs) =>
      [...new Set(vs.map((v) => Number(v)))].sort((x, y) => x - y),
    );
  } catch (e) {
    return (e as Error).message;
  }
}

const ours = (fields: CronField[]) => fields.map((f) => [...f.values].sort((x, y) => x - y));

describe('cron schedule parser against cron-parser', () => {
  it('accepts 3000 generated valid expressions and selects the same values', () => {
    const r = rng(20240611);
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const expression = validExpression(r);
      const parsed = parseCronSchedule(expression);
      expect(parsed, expression).toMatchObject({ ok: true });
      const oracle = oracleFields(expression);
      if (typeof oracle === 'string') {
        // cron-parser refuses day-of-month values that none of the selected months has, and
        // overlapping list items ("1-5,3"); Kubernetes accepts both.
        expect(oracle, expression).toMatch(/Invalid explicit day of month definition|duplicate values found/);
        continue;
      }
      expect(ours(parsed.ok && parsed.fields ? parsed.fields : []), expression).toEqual(oracle);
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('rejects 2000 generated invalid expressions that cron-parser rejects too', () => {
    const r = rng(77);
    const badItems: string[][] = [
      ['60', '0-60', '*/0', '61/2', 'x', '*/5/2', '5-1', '-1', 'MON', '1.5', ''],
      ['24', '0-24', '*/0', '25', 'x', '23-1', 'JAN', '1,24'],
      ['0', '32', '0-5', '1-32', '*/0', 'x', '20-10'],
      ['0', '13', '0-5', '1-13', '*/0', 'x', 'JANUARY', 'DEC-JAN', '12-1'],
      ['8', '0-8', '*/0', 'x', 'SUNDAY', 'SAT-SUN', '6-1'],
    ];
    for (let i = 0; i < 2000; i++) {
      const fields = validExpression(r).split(' ');
      const at = Math.floor(r() * 5);
      const bad = badItems[at][Math.floor(r() * badItems[at].length)];
      fields[at] = bad === '' ? ',' : r() < 0.5 ? bad : `${fields[at]},${bad}`;
      const expression = fields.join(' ');
      if (bad === '') {
        // a field made only of commas selects nothing: accepted by Kubernetes, it never fires
        const parsed = parseCronSchedule(expression);
        expect(parsed.ok && parsed.fields && cronNeverRuns(parsed.fields), expression).toBe(true);
        continue;
      }
      expect(cronScheduleError(expression), expression).toBeDefined();
      expect(oracleFields(expression), expression).toEqual(expect.any(String));
    }
  });

  it('rejects wrong field counts that cron-parser would read as seconds or defaults', () => {
    for (const e of ['0 * * *', '0 0 0 * * *', '*', '0 0 * * * 2024']) expect(cronScheduleError(e), e).toMatch(/exactly 5/);
  });

  it('rejects Quartz and Jenkins extensions, and ranges with two hyphens', () => {
    for (const e of ['1-2-3 * * * *', '0 0 L * *', '0 0 15W * *', '0 0 * * MON#2', 'H * * * *', '0 0 * * 7', '0 0 * * 5L']) {
      expect(cronScheduleError(e), e).toBeDefined();
    }
  });
});

describe('cron schedule quirks Kubernetes shares', () => {
  it.each(['0,,30 * * * *', ',5 * * * *', '*-5 * * * *', '+5 * * * *', '? ? ? ? ?', '  0 0 * * *  ', '0\t0 * * *'])('accepts %j', (e) => {
    expect(cronScheduleError(e)).toBeUndefined();
  });

  it.each(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly', '@every 1h', '@every 1h30m', '@every 1.5h', '@every .5s', '@every -1m', '@every 0'])(
    'accepts the descriptor %j',
    (e) => expect(cronScheduleError(e)).toBeUndefined(),
  );

  it.each(['@DAILY', '@daily ', ' @daily', '@reboot', '@every', '@every ', '@every 1', '@every 1 h', '@every 1x', '@every  1h', '@every 1h ', '@every .h', '@every 3000000h'])(
    'rejects the descriptor %j',
    (e) => expect(cronScheduleError(e)).toBeDefined(),
  );

  it('reads "N/step" as "N-max/step", with Saturday (6) as the last weekday', () => {
    const p = parseCronSchedule('0 0 * * 1/6');
    expect(p.ok && p.fields?.[4].values).toEqual(new Set([1]));
    const m = parseCronSchedule('5/20 * * * *');
    expect(m.ok && m.fields?.[0].values).toEqual(new Set([5, 25, 45]));
  });

  it('rejects numbers beyond what Go reads as an int', () => {
    expect(cronScheduleError('*/99999999999999999999 * * * *')).toMatch(/out of range/);
    expect(cronScheduleError('*/9999999999 * * * *')).toBeUndefined();
  });
});

describe('isGoDuration', () => {
  it.each(['1h', '1h30m', '300ms', '2h45m30.5s', '1.5h', '.5h', '1.h', '0', '+0', '-0', '1us', '1µs', '1μs', '1ns', '-1.5h', '2562047h'])('accepts %j', (d) =>
    expect(isGoDuration(d)).toBe(true),
  );
  it.each(['', '1', '00', 'h', '.h', '1d', '1 h', '1h ', '1H', '--1h', '1h-1m', '2562048h'])('rejects %j', (d) => expect(isGoDuration(d)).toBe(false));
});

describe('cronNeverRuns', () => {
  const never = (e: string) => {
    const p = parseCronSchedule(e);
    if (!p.ok || !p.fields) throw new Error(e);
    return cronNeverRuns(p.fields);
  };
  it.each(['0 0 30 2 *', '0 0 31 2 *', '0 0 31 4,6,9,11 *', '0 0 30,31 feb *', '0 0 31 2 ?', ', * * * *', '0 0 , * *'])('%j never runs', (e) =>
    expect(never(e)).toBe(true),
  );
  it.each(['0 0 29 2 *', '0 0 31 1,2 *', '0 0 31 2 MON', '0 0 * 2 *', '0 0 31 * *', '0 0 30 2 */2', '0 0 , * 1'])('%j runs', (e) =>
    expect(never(e)).toBe(false),
  );
});
