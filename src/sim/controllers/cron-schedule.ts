/**
 * When a CronJob first runs, for naming its Job `<cronjob>-<scheduled time in Unix minutes>` (§4.7,
 * `pkg/controller/cronjob/utils.go (getJobName)`). SIM: the simulation has no clock, so it uses the
 * first scheduled time at or after a fixed reference instant, evaluated in UTC.
 */
import { parseCronSchedule, type CronField } from '../../k8s/cron.js';

/** The simulation's "now": 2025-01-01T00:00:00Z (a Wednesday). */
export const SIM_REFERENCE_TIME = Date.UTC(2025, 0, 1, 0, 0, 0);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Far enough for any schedule that runs at all (29 February recurs within 8 years). */
const SEARCH_DAYS = 8 * 366;

/** The `@` descriptors as 5-field schedules (§4.7). */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** robfig/cron `dayMatches`: with `*` in either day field both must match, else either one. */
function dayMatches(dom: CronField, dow: CronField, date: Date): boolean {
  const domMatch = dom.values.has(date.getUTCDate());
  const dowMatch = dow.values.has(date.getUTCDay());
  return dom.star || dow.star ? domMatch && dowMatch : domMatch || dowMatch;
}

/**
 * The first scheduled time at or after `from` (ms since the epoch, on a minute), in Unix minutes;
 * undefined when the schedule is invalid or never fires. `@every <d>` fires `from + d`, which is
 * simulated as `from`.
 */
export function firstRunMinutes(schedule: string, from: number = SIM_REFERENCE_TIME): number | undefined {
  const text = schedule.trim();
  if (text.startsWith('@every ')) return parseCronSchedule(text).ok ? Math.floor(from / MINUTE) : undefined;
  const parsed = parseCronSchedule(DESCRIPTORS[text] ?? text);
  if (!parsed.ok || !parsed.fields) return undefined;
  const [minute, hour, dom, month, dow] = parsed.fields;
  const minutes = [...minute.values].sort((a, b) => a - b);
  const hours = [...hour.values].sort((a, b) => a - b);
  if (minutes.length === 0 || hours.length === 0) return undefined;
  const startDay = Math.floor(from / DAY) * DAY;
  for (let d = 0; d < SEARCH_DAYS; d++) {
    const day = new Date(startDay + d * DAY);
    if (!month.values.has(day.getUTCMonth() + 1) || !dayMatches(dom, dow, day)) continue;
    for (const h of hours) {
      for (const m of minutes) {
        const t = day.getTime() + h * 60 * MINUTE + m * MINUTE;
        if (t >= from) return t / MINUTE;
      }
    }
  }
  return undefined;
}
