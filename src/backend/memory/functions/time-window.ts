/**
 * Time windows (see functions/defs/time-window.ts and analyzer/time-windows.ts):
 * window and session_window as the analyzer calls them, window_time, and the
 * internal merge_sessions window function. Structs are [start, end] pairs of
 * microseconds (NTZ values are wall-clock micros: the same arithmetic).
 */
import type { Call } from '../../../expr/nodes.js';
import { CalendarInterval, parseDurationMicros } from '../../../types/intervals.js';
import { sessionZone } from '../context.js';
import { addToTimestamp, zoneFor } from './interval.js';
import type { FunctionImpl, WindowImpl } from './types.js';
import { argType, compiled, isNullish, literalArg, scalar } from './util.js';

const floorMod = (a: number, n: number): number => ((a % n) + n) % n;

/** A literal duration argument in microseconds (validated by the definition); `fallback` when absent. */
const durationArg = (call: Call, i: number, fallback: number): number =>
  i < call.args.length ? (parseDurationMicros(String(literalArg(call, i)?.value)) ?? fallback) : fallback;

type Window = [number, number];

/**
 * Tumbling: the window [start, start + size) holding t, windows aligned on
 * startTime. With `options.expand` (sliding, the analyzer explodes it): every
 * window holding t, latest start first, as Spark's Expand emits them.
 */
const window = compiled((args, call) => {
  const size = durationArg(call, 1, 0);
  const slide = durationArg(call, 2, size);
  const offset = durationArg(call, 3, 0);
  const expand = call.options?.expand === true;
  const overlapping = Math.ceil(size / slide);
  const t = args[0]!;
  return (i) => {
    const v = t(i) as number | null | undefined;
    if (isNullish(v)) return null;
    const lastStart = v - floorMod(v - offset, slide);
    if (!expand) return [lastStart, lastStart + size];
    const out: Window[] = [];
    for (let k = 0; k < overlapping; k++) {
      const start = lastStart - k * slide;
      if (v < start + size) out.push([start, start + size]);
    }
    return out;
  };
});

/** session_window(t, gap): the row's own session [t, t + gap); null (row dropped) unless gap is a positive interval. */
const sessionWindow = scalar((a, ctx, call) => {
  const t = a[0] as number;
  const gap = a[1] as string | CalendarInterval;
  // A string gap is cast to an interval: months and days go on the calendar, as Spark adds them.
  const iv = gap instanceof CalendarInterval ? gap : calendarInterval(gap);
  if (!iv) return null;
  const end = addToTimestamp(t, iv.months, iv.days, iv.microseconds, zoneFor(argType(call, 0), sessionZone(ctx)));
  return end > t ? [t, end] : null;
});

const MONTH_UNITS: Record<string, number> = { year: 12, month: 1 };
const DAY_UNITS: Record<string, number> = { week: 7, day: 1 };

/** Interval text (`'1 month 2 days'`, `'interval 5 minutes'`) as a CalendarInterval; undefined when it is not one. */
function calendarInterval(text: string): CalendarInterval | undefined {
  const words = text.trim().toLowerCase().replace(/^interval\s+/, '').split(/\s+/);
  if (words.length % 2 !== 0) return undefined;
  let [months, days, micros] = [0, 0, 0];
  for (let i = 0; i < words.length; i += 2) {
    const unit = words[i + 1]!.replace(/s$/, '');
    const n = Number(words[i]);
    if (!Number.isFinite(n)) return undefined;
    if (unit in MONTH_UNITS || unit in DAY_UNITS) {
      if (!Number.isInteger(n)) return undefined;
      if (unit in MONTH_UNITS) months += n * MONTH_UNITS[unit]!;
      else days += n * DAY_UNITS[unit]!;
      continue;
    }
    const d = parseDurationMicros(`${words[i]} ${words[i + 1]}`);
    if (d === undefined) return undefined;
    micros += d;
  }
  return new CalendarInterval(months, days, micros);
}

/** window_time(w): the last microsecond inside the window. */
const windowTime = scalar((a) => (a[0] as Window)[1] - 1);

/**
 * merge_sessions(session) over (PARTITION BY keys ORDER BY session): each row's
 * session widened to the merged session holding it. A session starting at or
 * before the end of the running one joins it (Spark's MergingSessionsExec).
 */
const mergeSessions: WindowImpl = {
  kind: 'window',
  evaluate(p) {
    const out = new Array<Window>(p.size);
    let first = 0;
    let current: Window | undefined;
    const close = (upTo: number): void => {
      for (let k = first; k < upTo; k++) out[k] = current!;
    };
    for (let pos = 0; pos < p.size; pos++) {
      const [start, end] = p.arg(0, pos) as Window;
      if (current && start <= current[1]) {
        current = [current[0], Math.max(current[1], end)];
      } else {
        if (current) close(pos);
        first = pos;
        current = [start, end];
      }
    }
    if (current) close(p.size);
    return out;
  },
};

export const timeWindowImpls: Record<string, FunctionImpl> = {
  window,
  session_window: sessionWindow,
  window_time: windowTime,
  merge_sessions: mergeSessions,
};
