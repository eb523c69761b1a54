/**
 * Differential tests: the same resolved plans on the memory interpreter (the
 * reference) and on Polars must give identical batches, and the functions
 * the Polars table lowers natively must not be delegated.
 */
import { describe, expect, it } from 'vitest';
import { batchRows } from '../../../src/data/batch.js';
import type { Expr } from '../../../src/expr/nodes.js';
import type { LogicalPlan } from '../../../src/plan/nodes.js';
import { schemaOf } from '../../../src/plan/nodes.js';
import { executePlan, createExecContext } from '../../../src/backend/memory/index.js';
import { PolarsMaterializer } from '../../../src/backend/polars/index.js';
import { ArrayType, BOOLEAN, DATE, DOUBLE, INT, LONG, MapType, STRING, TIMESTAMP } from '../../../src/types/data-types.js';
import {
  aggregate,
  alias,
  asc,
  call,
  cast,
  col,
  dedup,
  desc,
  filter,
  generate,
  join,
  lit,
  project,
  relation,
  schema,
  setOp,
  sort,
  window,
  windowExpr,
} from '../../helpers/resolved.js';

const NOW = Date.UTC(2024, 0, 15, 12, 30, 0) * 1000;

function both(p: LogicalPlan, tz = 'UTC'): { mem: unknown[][]; pol: unknown[][]; delegated: string[] } {
  const ctx = createExecContext({ timeZone: tz, now: NOW });
  const mem = batchRows(executePlan(p, ctx));
  const m = new PolarsMaterializer({ timeZone: tz, now: NOW, fallback: (q) => executePlan(q, ctx) });
  const pol = batchRows(m.materialize(p));
  return { mem, pol, delegated: m.lastDelegations.map((d) => `${d.kind}: ${d.reason}`) };
}

function same(p: LogicalPlan, opts: { native?: boolean; tz?: string } = {}): unknown[][] {
  const { mem, pol, delegated } = both(p, opts.tz);
  expect(pol).toEqual(mem);
  if (opts.native !== false) expect(delegated).toEqual([]);
  return pol;
}

const T = relation(
  schema(['i', INT], ['l', LONG], ['d', DOUBLE], ['s', STRING], ['b', BOOLEAN], ['dt', DATE], ['ts', TIMESTAMP]),
  [
    [1, 10, 1.5, 'Apple pie', true, 19000, 1700000000000000],
    [-7, -3, -2.25, 'banana', false, -1, -1],
    [null, null, null, null, null, null, null],
    [2147483647, 9007199254740991, NaN, '  padded  ', true, 0, 0],
    [0, 0, -0, '', false, 19782, 1709164800123456],
    [3, 7, 0.1, 'ÉCLAIR é', null, 11016, 951782400000000],
    [-2147483648, -9007199254740991, Infinity, 'a_b%c\\d', true, 2932896, -62135596800000000],
  ],
);
const I = col(T, 0);
const L = col(T, 1);
const D = col(T, 2);
const S = col(T, 3);
const B = col(T, 4);
const DT = col(T, 5);
const TS = col(T, 6);

const scalarCases: [string, Expr][] = [
  ['add int', call('add', [I, lit(5)])],
  ['subtract long', call('subtract', [L, lit(3n)])],
  ['multiply', call('multiply', [I, I])],
  ['divide', call('divide', [I, lit(0)])],
  ['divide doubles', call('divide', [D, lit(3)])],
  ['remainder int', call('remainder', [I, lit(4)])],
  ['negate', call('negate', [I])],
  ['negate double', call('negate', [D])],
  ['eq', call('eq', [D, D])],
  ['eq_null_safe', call('eq_null_safe', [S, lit(null, STRING)])],
  ['lt string', call('lt', [S, lit('b')])],
  ['gte date', call('gte', [DT, lit(0, DATE)])],
  ['and/or', call('or', [call('and', [B, call('gt', [I, lit(0)])]), call('is_null', [S])])],
  ['not', call('not', [B])],
  ['in', call('in', [I, lit(1), lit(3), lit(null, INT)])],
  ['in many', call('in', [L, ...[10, 7, 0, 1, 2, 5].map((v) => lit(v, LONG))])],
  ['like', call('like', [S, lit('%a%')])],
  ['like escape', call('like', [S, lit('a\\_b\\%c%')])],
  ['ilike', call('ilike', [S, lit('é%')])],
  ['rlike', call('rlike', [S, lit('^[a-z]+$')])],
  ['startswith', call('startswith', [S, lit('ba')])],
  ['endswith', call('endswith', [S, lit('e')])],
  ['contains', call('contains', [S, lit('an')])],
  ['substring', call('substring', [S, lit(2), lit(3)])],
  ['substring neg', call('substring', [S, lit(-3), lit(2)])],
  ['substring col', call('substring', [S, I, lit(2)])],
  ['bitwise', call('bitwise_xor', [call('bitwise_and', [I, lit(6)]), call('bitwise_or', [I, lit(1)])])],
  ['coalesce', call('coalesce', [S, lit('none')])],
  ['greatest', call('greatest', [D, lit(1.0), cast(I, DOUBLE)])],
  ['least', call('least', [I, lit(2)])],
  ['isnan', call('isnan', [D])],
  ['nanvl', call('nanvl', [D, lit(0.5)])],
  ['abs', call('abs', [I])],
  ['round', call('round', [D])],
  ['bround', call('bround', [D])],
  ['floor', call('floor', [D])],
  ['ceil', call('ceil', [D])],
  ['sqrt', call('sqrt', [D])],
  ['signum', call('signum', [D])],
  ['rint', call('rint', [D])],
  ['bitwise_not', call('bitwise_not', [L])],
  ['upper', call('upper', [S])],
  ['lower', call('lower', [S])],
  ['length', call('length', [S])],
  ['trim', call('trim', [S])],
  ['ltrim', call('ltrim', [S])],
  ['rtrim chars', call('rtrim', [S, lit(' e')])],
  ['concat', call('concat', [S, lit('-'), S])],
  ['concat_ws', call('concat_ws', [lit('|'), S, lit(null, STRING), lit('x')])],
  ['split', call('split', [S, lit(' '), lit(-1)])],
  ['regexp_replace', call('regexp_replace', [S, lit('[aeiou]'), lit('<$0>'), lit(1)])],
  ['regexp_extract', call('regexp_extract', [S, lit('([a-z]+) ([a-z]+)'), lit(2)])],
  ['lpad', call('lpad', [S, lit(6), lit('*')])],
  ['rpad', call('rpad', [S, lit(4), lit('.')])],
  ['hex', call('hex', [S])],
  ['year/month/day', call('concat_ws', [lit('-'), cast(call('year', [DT]), STRING), cast(call('month', [DT]), STRING), cast(call('dayofmonth', [DT]), STRING)])],
  ['quarter', call('quarter', [DT])],
  ['dayofweek', call('dayofweek', [DT])],
  ['dayofyear', call('dayofyear', [DT])],
  ['weekofyear', call('weekofyear', [DT])],
  ['hour', call('hour', [TS])],
  ['minute/second', call('add', [call('minute', [TS]), call('second', [TS])])],
  ['date_add', call('date_add', [DT, lit(40)])],
  ['date_sub', call('date_sub', [DT, I])],
  ['datediff', call('datediff', [DT, lit(19000, DATE)])],
  ['to_date string', call('to_date', [lit('2024-03-05')])],
  ['to_date ts', call('to_date', [TS])],
  ['timestamp_seconds', call('timestamp_seconds', [I])],
  ['current_timestamp', call('current_timestamp', [])],
  ['current_date', call('datediff', [call('current_date', []), DT])],
  ['cast int->string', cast(I, STRING)],
  ['cast long->int', cast(L, INT)],
  ['cast double->long', cast(D, LONG)],
  ['cast double->int', cast(D, INT)],
  ['cast string->int', cast(S, INT)],
  ['cast string->double', cast(S, DOUBLE)],
  ['cast string->bool', cast(S, BOOLEAN)],
  ['cast string->date', cast(S, DATE)],
  ['cast date->string', cast(DT, STRING)],
  ['cast ts->string', cast(TS, STRING)],
  ['cast ts->date', cast(TS, DATE)],
  ['cast ts->long', cast(TS, LONG)],
  ['cast ts->double', cast(TS, DOUBLE)],
  ['cast date->ts', cast(DT, TIMESTAMP)],
  ['cast bool->int', cast(B, INT)],
  ['cast int->bool', cast(I, BOOLEAN)],
  ['cast double->bool', cast(D, BOOLEAN)],
  ['case when', {
    kind: 'CaseWhen',
    branches: [
      { when: call('gt', [I, lit(0)]), then: lit('pos') },
      { when: call('lt', [I, lit(0)]), then: lit('neg') },
    ],
    dataType: STRING,
    nullable: true,
  }],
  ['array/size/get_item', call('get_item', [call('array', [I, lit(2), lit(null, INT)]), lit(0)])],
  ['size', call('size', [call('array', [S, S])])],
  ['element_at', call('element_at', [call('array', [L, lit(5, LONG)]), lit(-1)])],
  ['struct field', call('get_field', [call('struct', [alias(I, 'x'), alias(S, 'y')]), ], { options: { field: 'y', index: 1 } })],
];

describe('polars vs memory: scalar expressions', () => {
  it.each(scalarCases)('%s', (_name, e) => {
    same(project(T, [alias(e, 'out')]));
  });

  it('session time zone', () => {
    for (const tz of ['America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      same(
        project(T, [
          alias(call('hour', [TS]), 'h'),
          alias(cast(TS, DATE), 'd'),
          alias(cast(TS, STRING), 's'),
          alias(cast(DT, TIMESTAMP), 't'),
          alias(call('current_date', []), 'today'),
        ]),
        { tz },
      );
    }
  });
});

const G = relation(
  schema(['k', STRING], ['v', INT], ['x', DOUBLE], ['w', LONG]),
  [
    ['a', 1, 0.1, 5],
    ['b', null, 2.5, null],
    ['a', 4, 0.2, 7],
    [null, 2, null, 1],
    ['b', 3, NaN, 2],
    ['a', 4, 0.3, 9],
    [null, null, -0, null],
    ['c', null, null, null],
  ],
);
const K = col(G, 0);
const V = col(G, 1);
const X = col(G, 2);
const W = col(G, 3);

describe('polars vs memory: relational operators', () => {
  it('aggregate', () => {
    same(
      aggregate(G, [K], [
        alias(call('count', [lit(1)]), 'n'),
        alias(call('count', [V]), 'nv'),
        alias(call('count', [V], { distinct: true }), 'ndv'),
        alias(call('sum', [V]), 'sv'),
        alias(call('sum', [X]), 'sx'),
        alias(call('avg', [V]), 'av'),
        alias(call('avg', [X]), 'ax'),
        alias(call('min', [X]), 'mnx'),
        alias(call('max', [X]), 'mxx'),
        alias(call('max', [K]), 'mxk'),
        alias(call('first', [V]), 'fv'),
        alias(call('last', [V], { options: { ignoreNulls: true } }), 'lv'),
        alias(call('collect_list', [V]), 'lst'),
        alias(call('collect_set', [V]), 'set'),
        alias(call('sum', [V], { distinct: true }), 'sdv'),
      ]),
    );
  });

  it('global aggregate and aggregate expressions', () => {
    same(aggregate(G, [], [alias(call('add', [call('sum', [W]), lit(1n)]), 's1'), alias(call('count', [lit(1)]), 'n')]));
    same(aggregate(filter(G, lit(false)), [], [alias(call('sum', [W]), 's'), alias(call('max', [K]), 'm')]));
  });

  it('grouping sets (rollup/cube)', () => {
    const aggs = [alias(call('sum', [W]), 'sw'), alias(call('count', [lit(1)]), 'n'), alias(call('max', [X]), 'mx')];
    same(aggregate(G, [K, V], aggs, [[0, 1], [0], []]));
    same(aggregate(G, [K, V], aggs, [[0, 1], [0], [1], []]));
    same(aggregate(filter(G, lit(false)), [K], aggs, [[0], []]));
  });

  it('sort, mixed directions', () => {
    same(sort(G, [asc(K), desc(X, true), asc(V, false)]));
    same(sort(G, [desc(W)]));
  });

  it('joins', () => {
    const R = relation(schema(['k', STRING], ['z', INT]), [['a', 1], [null, 2], ['b', 3], ['a', 4], ['d', 5]]);
    for (const t of ['inner', 'left', 'right', 'full', 'left_semi', 'left_anti'] as const) {
      same(join(G, R, t, { left: [K], right: [col(R, 0)] }));
      same(join(G, R, t, { left: [K], right: [col(R, 0)], nullSafe: [true] }));
      same(join(G, R, t, { left: [K], right: [col(R, 0)], condition: call('lt', [V, col(schema(...[['k', STRING], ['v', INT], ['x', DOUBLE], ['w', LONG], ['k', STRING], ['z', INT]] as const), 5)]) }));
    }
    same(join(G, R, 'cross'));
  });

  it('set operations and dedup', () => {
    const A = project(G, [K, V]);
    const B2 = relation(schema(['k', STRING], ['v', INT]), [['a', 4], [null, null], ['c', null], ['a', 4], ['zz', 1]]);
    for (const op of ['union', 'intersect', 'except'] as const) for (const all of [true, false]) same(setOp(A, B2, op, all));
    same(dedup(G));
    same(dedup(G, [0]));
  });

  it('windows', () => {
    const spec = { partitionBy: [K], orderBy: [asc(V)] };
    same(
      window(G, [
        alias(windowExpr(call('row_number', []), spec), 'rn'),
        alias(windowExpr(call('rank', []), spec), 'rk'),
        alias(windowExpr(call('dense_rank', []), spec), 'dr'),
        alias(windowExpr(call('percent_rank', []), spec), 'pr'),
        alias(windowExpr(call('cume_dist', []), spec), 'cd'),
        alias(windowExpr(call('ntile', [lit(2)]), spec), 'nt'),
        alias(windowExpr(call('lag', [W, lit(1), lit(null, LONG)]), spec), 'lag'),
        alias(windowExpr(call('lead', [W, lit(1), lit(0, LONG)]), spec), 'lead'),
        alias(windowExpr(call('sum', [W]), spec), 'run'),
        alias(windowExpr(call('sum', [W]), { partitionBy: [K] }), 'tot'),
        alias(windowExpr(call('avg', [X]), { partitionBy: [K] }), 'avgx'),
        alias(windowExpr(call('count', [lit(1)]), { partitionBy: [], orderBy: [desc(W)] }), 'cnt'),
      ]),
    );
  });

  it('generators', () => {
    const A = relation(schema(['id', INT], ['xs', new ArrayType(STRING)], ['m', new MapType(STRING, LONG)]), [
      [1, ['p', null, 'q'], new Map([['a', 1], ['b', null]])],
      [2, [], new Map()],
      [3, null, null],
    ]);
    for (const fn of ['explode', 'explode_outer', 'posexplode', 'posexplode_outer']) {
      const pos = fn.startsWith('pos') ? [['pos', INT] as const] : [];
      same(generate(A, call(fn, [col(A, 1)]), false, [...pos, ['col', STRING]]));
      same(generate(A, call(fn, [col(A, 2)]), false, [...pos, ['key', STRING], ['value', LONG]]));
    }
  });

  it('delegated nodes give the interpreter result', () => {
    const p = project(G, [alias(call('sin', [X]), 'sx'), alias(call('initcap', [K]), 'ik')]);
    const { mem, pol, delegated } = both(p);
    expect(pol).toEqual(mem);
    expect(delegated).toHaveLength(1);
    expect(schemaOf(p).names).toEqual(['sx', 'ik']);
  });
});

describe('polars vs memory: decimals and nested values', () => {
  it('passes decimals through and delegates decimal arithmetic', async () => {
    const { DecimalType } = await import('../../../src/types/data-types.js');
    const dec = new DecimalType(10, 2);
    const R = relation(schema(['k', STRING], ['amt', dec]), [['a', 1250n], ['b', -1n], ['a', null], [null, 99999999n]]);
    same(R);
    same(filter(R, call('gt', [col(R, 1), lit(0n, dec)])));
    same(sort(R, [desc(col(R, 1))]));
    same(project(R, [alias(call('add', [col(R, 1), col(R, 1)]), 'twice')]), { native: false });
    same(aggregate(R, [col(R, 0)], [alias(call('sum', [col(R, 1)]), 's')]), { native: false });
  });

  it('round-trips structs, arrays of structs and maps', async () => {
    const { StructType: ST, StructField: SF } = await import('../../../src/types/data-types.js');
    const st = new ST([new SF('a', INT), new SF('b', new ArrayType(STRING))]);
    const R = relation(schema(['s', st], ['xs', new ArrayType(st)], ['m', new MapType(STRING, new ArrayType(DOUBLE))]), [
      [[1, ['x', null]], [[2, []], null, [3, ['y']]], new Map([['k', [1.5, NaN]], ['z', null]])],
      [null, null, null],
      [[null, null], [], new Map()],
    ]);
    same(R);
    same(project(R, [alias(call('get_field', [col(R, 0)], { options: { field: 'b', index: 1 } }), 'b'), alias(call('size', [col(R, 1)]), 'n')]));
  });
});

describe('polars vs memory: sort directions on every orderable type', () => {
  // Deterministic pseudo-random rows with nulls, NaN, ±0 and ties.
  let seed = 12345;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rows: unknown[][] = [];
  for (let i = 0; i < 300; i++) {
    rows.push([
      pick([null, -3, 0, 2, 2147483647, -2147483648]),
      pick([null, NaN, -0, 0, 1.5, -Infinity, Infinity, -2.5]),
      pick([null, '', 'a', 'B', 'é', 'ab']),
      pick([null, true, false]),
      pick([null, -1, 0, 19000]),
      pick([null, -1, 0, 1700000000000000]),
      pick([null, 9007199254740991, -9007199254740991, 0, 7]),
      i,
    ]);
  }
  const S = relation(schema(['i', INT], ['d', DOUBLE], ['s', STRING], ['b', BOOLEAN], ['dt', DATE], ['ts', TIMESTAMP], ['l', LONG], ['row', INT]), rows);
  const cols = [0, 1, 2, 3, 4, 5, 6].map((i) => col(S, i));
  it.each([
    ['asc/desc pairs', [0, 1]],
    ['string then double', [2, 1]],
    ['bool, date, ts', [3, 4, 5]],
    ['long, int', [6, 0]],
  ] as const)('%s', (_n, idx) => {
    for (let mask = 0; mask < 1 << (idx.length * 2); mask++) {
      const orders = idx.map((c, k) => {
        const ascending = ((mask >> (2 * k)) & 1) === 0;
        const nullsFirst = ((mask >> (2 * k + 1)) & 1) === 0;
        return ascending ? asc(cols[c]!, nullsFirst) : desc(cols[c]!, nullsFirst);
      });
      same(sort(S, orders));
      same(window(S, [alias(windowExpr(call('row_number', []), { partitionBy: [cols[3]!], orderBy: orders }), 'rn')]));
    }
  });
});

describe('polars vs memory: more aggregates', () => {
  const A = relation(schema(['g', INT], ['b', BOOLEAN], ['dt', DATE], ['s', STRING], ['l', LONG], ['ts', TIMESTAMP]), [
    [1, true, 19000, 'x', 9007199254740991, 1],
    [1, false, null, 'y', 9007199254740991, null],
    [2, null, -5, null, -3, 7],
    [1, null, 19001, 'x', null, 2],
    [2, true, 0, 'é', 5, -1],
    [3, null, null, null, null, null],
  ]);
  const c = (i: number) => col(A, i);
  it('min/max of booleans, dates, strings and timestamps; distinct counts; long sums and averages', () => {
    same(
      aggregate(A, [c(0)], [
        alias(call('max', [c(1)]), 'mxb'),
        alias(call('min', [c(1)]), 'mnb'),
        alias(call('min', [c(2)]), 'mnd'),
        alias(call('max', [c(3)]), 'mxs'),
        alias(call('max', [c(5)]), 'mxt'),
        alias(call('count', [c(3)], { distinct: true }), 'nds'),
        alias(call('sum', [c(4)]), 'sl'),
        alias(call('avg', [c(4)]), 'al'),
        alias(call('first', [c(3)], { options: { ignoreNulls: true } }), 'fs'),
        alias(call('collect_list', [c(2)]), 'ld'),
        alias(call('count', [c(1), c(3)]), 'n2'),
      ]),
    );
  });

  it('ranking with ties on two keys and lag with a column default', () => {
    const spec = { partitionBy: [c(0)], orderBy: [asc(c(3)), desc(c(2))] };
    same(
      window(A, [
        alias(windowExpr(call('rank', []), spec), 'rk'),
        alias(windowExpr(call('dense_rank', []), spec), 'dr'),
        alias(windowExpr(call('cume_dist', []), spec), 'cd'),
        alias(windowExpr(call('lag', [c(4), lit(1), c(4)]), spec), 'lg'),
        alias(windowExpr(call('min', [c(2)]), spec), 'runmin'),
        alias(windowExpr(call('last', [c(3)]), spec), 'lastv'),
        alias(windowExpr(call('count', [c(3)]), spec), 'cnt'),
      ]),
    );
  });
});
