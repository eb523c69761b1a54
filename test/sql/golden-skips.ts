/**
 * Golden-file queries sparkless does not run, each with the reason. Keys are
 * `file#index` (0-based block position in the file); a reason may be limited
 * to one backend.
 */
type Backend = 'memory' | 'polars';

interface Skip {
  readonly reason: string;
  readonly backends?: readonly Backend[];
}

const SKIPS: Record<string, Skip> = {};

export function skipReason(file: string, index: number, backend: Backend): string | undefined {
  const s = SKIPS[`${file}#${index}`];
  if (!s) return undefined;
  if (s.backends && !s.backends.includes(backend)) return undefined;
  return s.reason;
}

export const SKIP_COUNT = Object.keys(SKIPS).length;
