/**
 * The fuzzer's function steps: SQL expressions over one column (strings with
 * nulls and unicode, math, decimal arithmetic, dates and timestamps, arrays
 * and maps through higher-order functions, casts), aggregates, ranking and
 * offset windows, pivots, generators, unionByName with missing columns,
 * offset and sample. Expressions are SQL text so a reproduction reads as
 * Spark SQL and runs unchanged against Spark.
 */
import fc from 'fast-check';
import { F, Window, type DataFrame } from '../../src/index.js';

/** `$c` is the column; `$a` an array over it (the column itself if it is one); `$m` likewise a map. */
export const EXPRS = [
  // strings: nulls, unicode, empty patterns, negative positions
  'length($c)', 'upper($c)', 'lower($c)', 'initcap($c)', 'trim($c)', 'ltrim($c)', 'reverse($c)', 'substring($c, 2, 3)',
  'substring($c, -2)', 'substr($c, 0, 1)', "lpad($c, 5, 'é')", "rpad($c, 2, '')", "instr($c, 'a')", "locate('b', $c, 2)",
  "translate($c, 'ab1', 'x')", "split($c, '')", "split($c, 'a', 2)", "concat_ws('-', $c, NULL, $c)", 'repeat($c, 2)', 'ascii($c)',
  'base64($c)', 'hex($c)', "levenshtein($c, 'abc')", 'left($c, 2)', 'right($c, 1)', "replace($c, 'a', 'é')", 'char_length($c)',
  'octet_length($c)', 'btrim($c)', "position('1', $c)", "split_part($c, 'a', -1)", 'soundex($c)', "format_string('%s|%5s', $c, $c)",
  "regexp_extract($c, '([a-z]+)', 1)", "$c LIKE '%a_'", "$c RLIKE '^.$'", 'concat($c, $c)', "$c || 'é'", "overlay($c PLACING 'zz' FROM 2)",
  "elt(1, $c, 'x')", "contains($c, 'a')", "startswith($c, '')", 'unbase64($c)', 'lcase($c)',
  // math
  'abs($c)', '-$c', 'round($c, 1)', 'bround($c, 0)', 'round($c, -1)', 'ceil($c)', 'floor($c)', 'sqrt($c)', 'ln($c)', 'exp($c)',
  'signum($c)', 'pow($c, 2)', 'pmod($c, 3)', '$c % 0', '$c / 0', '$c div 2', 'greatest($c, 0)', 'least($c, NULL)', 'bin($c)',
  'conv($c, 10, 16)', '$c * 2', '$c - 1', '$c + $c', 'try_add($c, 1)', 'try_divide($c, 0)', 'shiftleft($c, 1)', '$c & 3', '~$c',
  'cbrt($c)', 'log10($c)', 'atan2($c, 1)', 'isnan($c)', 'nanvl($c, 0)', 'width_bucket($c, 0, 10, 3)', 'factorial($c)', 'hypot($c, 1)',
  // decimals
  'CAST($c AS DECIMAL(10,2)) * CAST(1.5 AS DECIMAL(5,3))', 'CAST($c AS DECIMAL(38,6)) / 3', 'CAST($c AS DECIMAL(10,2)) + 99999999.99',
  'CAST($c AS DECIMAL(38,6)) * CAST($c AS DECIMAL(38,6))', 'CAST($c AS DECIMAL(10,2)) % 0.3', 'round(CAST($c AS DECIMAL(10,2)), 1)',
  'CAST($c AS DECIMAL(3,1))', '$c + 0.1', '$c * 1.0E0', 'CAST($c AS DECIMAL(10,2)) / CAST(0 AS DECIMAL(3,0))',
  // dates and timestamps
  'year($c)', 'month($c)', 'dayofweek($c)', 'date_add($c, 1)', 'date_sub($c, -3)', 'add_months($c, 1)', 'last_day($c)',
  "next_day($c, 'Mon')", "trunc($c, 'MM')", "date_trunc('hour', $c)", "datediff($c, DATE'2024-01-01')",
  "months_between($c, TIMESTAMP'2024-01-31 00:00:00')", "date_format($c, 'yyyy-MM-dd HH:mm:ss.SSS EEE')", 'to_date($c)',
  'to_timestamp($c)', 'unix_timestamp($c)', 'from_unixtime(unix_timestamp($c))', 'weekofyear($c)', 'quarter($c)', 'hour($c)',
  'minute($c)', 'second($c)', '$c + INTERVAL 1 DAY', "$c - INTERVAL '1-1' YEAR TO MONTH", 'make_date(year($c), 2, 29)',
  "to_date($c, 'yyyy-MM-dd')", 'unix_date($c)', 'timestamp_seconds($c)', 'dayofyear($c)', 'extract(DAY FROM $c)',
  // arrays through higher-order functions
  'transform($a, x -> x + 1)', 'filter($a, x -> x IS NOT NULL)', 'exists($a, x -> x > 0)', 'forall($a, x -> x = x)',
  'aggregate($a, 0, (acc, x) -> acc + 1)', 'array_sort($a)', 'sort_array($a, false)', 'array_distinct($a)',
  'array_contains($a, NULL)', 'size($a)', 'element_at($a, 1)', 'element_at($a, -1)', '$a[5]', 'array_max($a)', 'array_min($a)',
  'reverse($a)', 'slice($a, 1, 1)', "array_join($a, ',', 'N')", 'array_position($a, $c)', 'array_remove($a, $c)',
  'arrays_zip($a, $a)', 'array_union($a, $a)', 'array_except($a, array())', 'array_compact($a)', 'array_append($a, NULL)',
  'zip_with($a, $a, (x, y) -> x)', 'transform($a, (x, i) -> i)',
  // maps
  'map_keys($m)', 'map_values($m)', 'map_entries($m)', 'transform_values($m, (k, v) -> v)', 'map_filter($m, (k, v) -> v IS NULL)',
  "element_at($m, 'a')", "map_contains_key($m, 'a')", 'size($m)',
  // the rest: hashes, null handling, comparisons, casts
  'hash($c)', 'xxhash64($c)', 'md5(CAST($c AS STRING))', 'sha2(CAST($c AS STRING), 256)', 'crc32(CAST($c AS BINARY))',
  'coalesce($c, $c)', 'nvl2($c, 1, 2)', 'ifnull($c, NULL)', 'nullif($c, $c)', 'typeof($c)', '$c IS DISTINCT FROM NULL', '$c <=> $c',
  '$c = $c', '$c IN (1, NULL)', '$c BETWEEN 0 AND 1', "CASE WHEN $c IS NULL THEN 'n' ELSE CAST($c AS STRING) END",
  'CAST($c AS STRING)', 'CAST($c AS INT)', 'CAST($c AS DATE)', 'CAST($c AS TIMESTAMP)', 'CAST($c AS DECIMAL(5,1))',
  'CAST($c AS BINARY)', 'CAST($c AS ARRAY<STRING>)', 'try_cast($c AS INT)', 'to_json(named_struct($q, $c))', "named_struct('a', $c)",
  'array($c)', 'string($c)',
] as const;

/** Order-insensitive aggregates (collections sorted): any input order gives the same answer. */
export const AGGS = [
  'count($c)', 'sum($c)', 'avg($c)', 'min($c)', 'max($c)', 'stddev($c)', 'var_samp($c)', 'sort_array(collect_list($c))',
  'sort_array(collect_set($c))', 'count(DISTINCT $c)', 'approx_count_distinct($c)', 'percentile_approx($c, 0.5)', 'median($c)',
  'count_if($c IS NULL)', 'bool_or($c IS NULL)', 'sum(DISTINCT $c)', 'kurtosis($c)', 'corr($c, $c)', 'covar_pop($c, $c)',
  'product($c)', 'bit_xor($c)', 'try_sum($c)', 'try_avg($c)', 'regr_count($c, $c)', 'every($c IS NULL)', 'percentile($c, 0.25)',
  'max_by($c, $c)', 'min(length(CAST($c AS STRING)))',
] as const;

/** Window functions over every orderable column as the order: ties are equal rows, so the multiset is determined. */
export const WINDOW_FNS = [
  'dense_rank()', 'percent_rank()', 'cume_dist()', 'ntile(2)', 'lag($c, 2, NULL)', 'lead($c, 1, $c)', 'nth_value($c, 2)',
  'first_value($c, true)', 'last($c)', 'count(*)', 'sum($c)', 'rank()', 'row_number()',
] as const;

export const GENERATORS = ['explode', 'explode_outer', 'posexplode', 'posexplode_outer', 'inline_outer'] as const;

export type FnStep =
  | { readonly kind: 'expr'; readonly expr: (typeof EXPRS)[number]; readonly col: number }
  | { readonly kind: 'aggExpr'; readonly agg: (typeof AGGS)[number]; readonly col: number; readonly grouped: boolean }
  | { readonly kind: 'rankWindow'; readonly fn: (typeof WINDOW_FNS)[number]; readonly partitioned: boolean; readonly desc: boolean }
  | { readonly kind: 'generator'; readonly fn: (typeof GENERATORS)[number]; readonly col: number }
  | { readonly kind: 'unionByNameMissing'; readonly drop: number; readonly extra: boolean }
  | { readonly kind: 'pivot'; readonly agg: 'count' | 'sum' | 'max'; readonly values: boolean }
  | { readonly kind: 'offset'; readonly n: number }
  | { readonly kind: 'sample'; readonly fraction: 0 | 1 };

const col = fc.integer({ min: 0, max: 3 });
export const fnStep: fc.Arbitrary<FnStep> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('expr' as const), expr: fc.constantFrom(...EXPRS), col }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('aggExpr' as const), agg: fc.constantFrom(...AGGS), col, grouped: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rankWindow' as const), fn: fc.constantFrom(...WINDOW_FNS), partitioned: fc.boolean(), desc: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('generator' as const), fn: fc.constantFrom(...GENERATORS), col }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unionByNameMissing' as const), drop: fc.integer({ min: 0, max: 3 }), extra: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pivot' as const), agg: fc.constantFrom('count' as const, 'sum' as const, 'max' as const), values: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offset' as const), n: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sample' as const), fraction: fc.constantFrom(0 as const, 1 as const) }) },
);

const typeOf = (df: DataFrame, name: string): string => df.schema.fields.find((f) => f.name === name)?.dataType.simpleString() ?? '';
/** Columns usable as sort keys (maps, and anything holding one, are not orderable in Spark). */
const orderable = (df: DataFrame): string[] => df.columns.filter((c) => !typeOf(df, c).includes('map<'));

/** The SQL text of a template over column `c`. */
export function sqlOf(template: string, df: DataFrame, c: string): string {
  const q = `\`${c.replaceAll('`', '``')}\``;
  const t = typeOf(df, c);
  const a = t.startsWith('array<') ? q : `array(${q}, ${q})`;
  const m = t.startsWith('map<') ? q : `map('a', ${q})`;
  return template.replaceAll('$a', a).replaceAll('$m', m).replaceAll('$q', `'${c}'`).replaceAll('$c', q);
}

export function applyFnStep(df: DataFrame, s: FnStep): DataFrame {
  const cols = df.columns;
  const pick = (i: number): string | undefined => cols[i % Math.max(cols.length, 1)];
  switch (s.kind) {
    case 'expr': {
      const c = pick(s.col);
      return c ? df.withColumn('f', F.expr(sqlOf(s.expr, df, c))) : df;
    }
    case 'aggExpr': {
      const c = pick(s.col);
      if (!c) return df;
      const agg = F.expr(sqlOf(s.agg, df, c)).alias('v');
      const key = cols.find((k) => k !== c && !typeOf(df, k).includes('map<'));
      return s.grouped && key ? df.groupBy(key).agg(agg) : df.agg(agg);
    }
    case 'rankWindow': {
      const keys = orderable(df);
      const c = keys[0];
      if (!c) return df;
      const order = keys.map((k) => (s.desc ? F.col(k).desc() : F.col(k).asc()));
      const w = (s.partitioned && keys[1] ? Window.partitionBy(keys[1]) : Window.partitionBy()).orderBy(...order);
      return df.withColumn('rw', F.expr(sqlOf(s.fn, df, c)).over(w));
    }
    case 'generator': {
      const c = pick(s.col);
      if (!c) return df;
      const t = typeOf(df, c);
      const q = `\`${c}\``;
      // inline wants an array of structs; the others take the column when it is an array or a map.
      const arg = s.fn === 'inline_outer' ? (/^array<struct/.test(t) ? q : `array(named_struct('x', ${q}))`) : /^(array|map)</.test(t) ? q : `array(${q}, NULL)`;
      return df.select('*', F.expr(`${s.fn}(${arg})`));
    }
    case 'unionByNameMissing': {
      const kept = cols.filter((_, i) => i !== s.drop);
      const other = df.select(...[...kept].reverse(), ...(s.extra ? [F.lit(1).alias('extra')] : []));
      return df.unionByName(other, true);
    }
    case 'pivot': {
      const [p, key, v] = [cols[0], cols[1], cols[2] ?? cols[0]];
      if (!p) return df;
      const g = key && !typeOf(df, key).includes('map<') ? df.groupBy(key) : df.groupBy();
      // Listed values: the two smallest, so every backend lists the same ones.
      const values = s.values && !typeOf(df, p).includes('map<') ? df.select(p).distinct().orderBy(p).limit(2).collect().map((r) => r.get(p)) : undefined;
      const pivoted = g.pivot(p, values);
      return s.agg === 'count' ? pivoted.count() : pivoted.agg(F[s.agg](v as string));
    }
    case 'offset':
      return df.offset(s.n);
    case 'sample':
      return df.sample(s.fraction);
  }
}
