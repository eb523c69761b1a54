/**
 * Golden-file queries sparkless does not run, each with the reason. Keys are
 * `file#index` (0-based block position in the file, as in the test titles);
 * a reason may be limited to some backends. Grouped by cause.
 */
type Backend = 'memory' | 'polars';

interface Skip {
  readonly reason: string;
  readonly backends?: readonly Backend[];
}

const SKIPS: Record<string, Skip> = {};

function skip(file: string, indices: readonly number[], reason: string, backends?: readonly Backend[]): void {
  for (const i of indices) SKIPS[`${file}#${i}`] = { reason, ...(backends ? { backends } : {}) };
}

// ---- functions the registry does not define -----------------------------------------------------
skip('array.sql.out', [18, 19, 20, 27, 28, 29], 'function elt is not in the registry');
skip('count.sql.out', [12], 'function percentile_approx is not in the registry');
skip('cte.sql.out', [19], 'function typeof is not in the registry');
skip('group-by.sql.out', [67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82], 'function histogram_numeric is not in the registry');
skip('group-by.sql.out', [83, 84, 85, 86, 87, 88, 89, 90, 93, 94, 95, 96, 97, 98, 99, 100], 'regr_* aggregate functions are not in the registry');
skip('null-handling.sql.out', [27], 'function equal_null is not in the registry');
skip(
  'higher-order-functions.sql.out',
  [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
  'higher-order functions (transform, filter, aggregate, exists, zip_with) are not in the registry; the parser builds their lambdas',
);

// ---- function argument checks the registry does not make -------------------------------------------
skip('array.sql.out', [9, 10], "sort_array's second argument must be a boolean literal in Spark; the registry accepts any castable value");

// ---- SQL features not modelled ---------------------------------------------------------------------
skip('group-by.sql.out', [101, 102, 103, 104], 'percentile_cont / percentile_disc ... WITHIN GROUP (ordered-set aggregates) are not modelled');
skip('window.sql.out', [55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65], 'percentile_cont / percentile_disc ... WITHIN GROUP (ordered-set aggregates) are not modelled');
skip('group-by.sql.out', [78, 79], 'interval literals: sparkless has no interval types');
skip('window.sql.out', [11, 12, 13, 14, 15, 16, 17, 18], 'interval window-frame boundaries: sparkless has no interval types');
skip('limit.sql.out', [6], 'TABLESAMPLE is not modelled');
skip('cte.sql.out', [28, 29], 'correlated scalar subqueries are not modelled (only uncorrelated ones, evaluated when the query is planned)');
skip('except.sql.out', [7, 8], 'correlated scalar subqueries are not modelled (only uncorrelated ones, evaluated when the query is planned)');

// ---- analyzer: USING / NATURAL join key columns -------------------------------------------------------
const usingKeys =
  "analyzer: after a USING/NATURAL join Spark keeps each side's key column addressable (nt1.k, nt2.k, nt2.*); sparkless's using-join projection drops the right key and qualifies the merged key as the left one";
skip('natural-join.sql.out', [11, 13, 14, 15, 16, 18, 19, 22, 24], usingKeys);
skip('using-join.sql.out', [5, 7, 16, 17, 21, 22, 23, 24, 28, 30], usingKeys);

// ---- engine behaviour outside the SQL front end --------------------------------------------------------
skip('group-by.sql.out', [66], "rand(0): sparkless's seeded generator does not reproduce Spark's XORShiftRandom sequence");
skip(
  'window.sql.out',
  [26],
  'analyzer dedupes window expressions by their SQL text, so first_value(val, true) OVER w and first_value(val) OVER w collapse into one; corr over zero variance is NaN where Spark gives NULL',
);

// ---- Polars backend gaps ----------------------------------------------------------------------------------
skip('array.sql.out', [1, 7], 'polars backend: reading array<array<int>> results fails (Arrow nested list conversion)', ['polars']);
skip('array.sql.out', [3], 'polars backend: c[0][0] on array<array<int>> fails to find a supertype (list[i32] vs i32)', ['polars']);
skip('count.sql.out', [2], 'polars backend: count(DISTINCT 1) counts rows (7) instead of distinct values (1)', ['polars']);

// ---- expected outputs from other Spark versions or settings ----------------------------------------------
skip('union.sql.out', [3, 9, 10], "expected output was generated with ANSI mode on (Spark 4.0's default: CAST_INVALID_INPUT); non-ANSI Spark 3.5 is the spec");
skip('outer-join.sql.out', [5, 7], "Spark 2.x output of `SET key = value` (spaces around '='), which printed only the key");
skip(
  'inner-join.sql.out',
  [6],
  'Spark 2.x-era expected output (8 rows) does not follow from the views as written (ta has 2 rows, tb 4, each ta row matches 2 rows of tb); sparkless returns those 4 rows',
);

export function skipReason(file: string, index: number, backend: Backend): string | undefined {
  const s = SKIPS[`${file}#${index}`];
  if (!s) return undefined;
  if (s.backends && !s.backends.includes(backend)) return undefined;
  return s.reason;
}

export const SKIP_COUNT = Object.keys(SKIPS).length;
