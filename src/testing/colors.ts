/**
 * Colour for failure messages. Differing cells are red on the actual side and
 * green on the expected side (Jest/Vitest's received/expected colours); without
 * colour the renderers add `^^^` marker lines instead, so nothing depends on colour.
 */

export interface Painter {
  /** True when the functions below add colour (then marker lines are left out). */
  readonly enabled: boolean;
  readonly actual: (s: string) => string;
  readonly expected: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const id = (s: string): string => s;

export const PLAIN: Painter = Object.freeze({ enabled: false, actual: id, expected: id, dim: id, bold: id });

const ansi =
  (open: number, close: number) =>
  (s: string): string =>
    s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`;

export const ANSI: Painter = Object.freeze({
  enabled: true,
  actual: ansi(31, 39),
  expected: ansi(32, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22),
});

/** Whether to colour by default: NO_COLOR / FORCE_COLOR, else only on a TTY. */
export function colorFromEnvironment(): boolean {
  const env = typeof process !== 'undefined' ? process.env : {};
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['CI'] !== undefined || env['TERM'] === 'dumb') return false;
  return typeof process !== 'undefined' && Boolean(process.stdout?.isTTY);
}

/** The painter for an explicit `color` option, or detected from the environment. */
export function painterFor(color: boolean | undefined): Painter {
  return (color ?? colorFromEnvironment()) ? ANSI : PLAIN;
}

/** Builds a painter from a test framework's matcher colours (they know the runner's colour support). */
export function painterFromFormatters(f: {
  readonly received: (s: string) => string;
  readonly expected: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold?: (s: string) => string;
}): Painter {
  const enabled = f.received('x') !== 'x';
  if (!enabled) return PLAIN;
  return { enabled, actual: f.received, expected: f.expected, dim: f.dim, bold: f.bold ?? id };
}

/** Removes ANSI colour codes (for width computations and plain copies). */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}
