/**
 * SQL function calls → registry calls. Most names map one to one onto the
 * registry (PySpark's snake_case names); this module adds Spark SQL's
 * aliases (`mean`, `std`, `nvl`, `substr`, ...), the SQL-only forms that
 * rewrite into other expressions (`if`, `nullif`, `nvl2`, `every`, cast
 * functions such as `int(x)`), optional arguments the registry expects
 * explicitly (`lag(x)` → `lag(x, 1, NULL)`), and Spark's column names for
 * the aliases (`stddev(a)`, not `stddev_samp(a)`).
 */
import { wrongNumArgs } from '../errors/analysis-errors.js';
import { AnalysisException } from '../errors/index.js';
import { E, mapChildren, type Expr } from '../expr/nodes.js';
import { exprSql } from '../expr/naming.js';
import { hasFunction, lookupFunction } from '../functions/registry.js';
import { COLUMN_API_ONLY_FUNCTIONS } from '../functions/defs/unwrap-udt.js';
import { BINARY, BOOLEAN, BYTE, DATE, DecimalType, DOUBLE, FLOAT, INT, LONG, NULL, SHORT, STRING, TIMESTAMP, type DataType } from '../types/data-types.js';

export interface CallOptions {
  readonly distinct?: boolean;
  readonly ignoreNulls?: boolean;
  /** `agg(x) FILTER (WHERE cond)`. */
  readonly filter?: Expr;
  /** `count(*)`. */
  readonly star?: boolean;
}

const lit = {
  int: (v: number) => E.lit(v, INT),
  str: (v: string) => E.lit(v, STRING),
  bool: (v: boolean) => E.lit(v, BOOLEAN),
  nul: () => E.lit(null, NULL),
};

/** Spark's pretty SQL of an unresolved expression (columns by their last name part). */
export function prettySql(e: Expr): string {
  return exprSql(stripQualifiers(e));
}

/** Lambda parameters (lower-cased) of the lambda bodies being parsed, innermost last. */
const lambdaScopes: ReadonlySet<string>[] = [];

/** Runs `parse` (a lambda body's parse) with `params` naming lambda variables in pretty SQL. */
export function inLambdaScope<T>(params: readonly string[], parse: () => T): T {
  lambdaScopes.push(new Set(params.map((p) => p.toLowerCase())));
  try {
    return parse();
  } finally {
    lambdaScopes.pop();
  }
}

function stripQualifiers(e: Expr): Expr {
  if (e.kind === 'ColumnRef') {
    const parts = e.quoted ? [e.name] : splitName(e.name);
    // A lambda variable prints as Spark's `namedlambdavariable()` (its fields as `.field`).
    if (lambdaScopes.some((s) => s.has(parts[0]!.toLowerCase()))) {
      return parts.slice(1).reduce<Expr>((acc, field) => E.call('get_field', [acc], { options: { field } }), E.lambdaVar(parts[0]!));
    }
    if (e.quoted) return e;
    return parts.length > 1 ? E.col(parts[parts.length - 1]!) : e;
  }
  // An alias, a window or a lambda is named as written.
  if (e.kind === 'Alias' || e.kind === 'WindowExpr' || e.kind === 'Lambda') return e;
  return mapChildren(e, stripQualifiers);
}

function splitName(name: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === '`') {
      if (q && name[i + 1] === '`') {
        cur += '`';
        i++;
      } else q = !q;
    } else if (c === '.' && !q) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/** Wraps `e` in an Alias carrying Spark's name for the SQL form (no alias when a name cannot be computed). */
export function named(e: Expr, name: () => string): Expr {
  try {
    return E.alias(e, name());
  } catch {
    return e;
  }
}

const argList = (args: readonly Expr[]): string => args.map(prettySql).join(', ');

/** `if(c, a, b)` as the CASE it runs as, marked so that its errors name Spark's If. */
const ifForm = (c: Expr, a: Expr, b: Expr): Expr => Object.freeze({ ...E.caseWhen([{ when: c, then: a }], b), ifForm: true });

/** SQL function names that are casts (`int(x)` = `CAST(x AS INT)`). */
const CAST_FUNCTIONS: Record<string, DataType> = {
  boolean: BOOLEAN,
  tinyint: BYTE,
  smallint: SHORT,
  int: INT,
  bigint: LONG,
  float: FLOAT,
  double: DOUBLE,
  decimal: new DecimalType(10, 0),
  string: STRING,
  binary: BINARY,
  date: DATE,
  timestamp: TIMESTAMP,
};

/** Plain renames: SQL name → registry key. */
const RENAMES: Record<string, string> = {
  mean: 'avg',
  std: 'stddev_samp',
  stddev: 'stddev_samp',
  variance: 'var_samp',
  isnull: 'is_null',
  isnotnull: 'is_not_null',
  ceiling: 'ceil',
  power: 'pow',
  char_length: 'length',
  character_length: 'length',
  len: 'length',
  lcase: 'lower',
  ucase: 'upper',
  day: 'dayofmonth',
  sign: 'signum',
  substr: 'substring',
  first_value: 'first',
  last_value: 'last',
  map: 'create_map',
  negative: 'negate',
  cardinality: 'size',
  mod: 'remainder',
  now: 'current_timestamp',
  random: 'rand',
  array_agg: 'collect_list',
  regexp: 'rlike',
  regexp_like: 'rlike',
  dateadd: 'date_add',
  date_diff: 'datediff',
  curdate: 'current_date',
  sha: 'sha1',
};

/** SQL-only names (renames such as `ucase`, and casts such as `int`), which SHOW FUNCTIONS's registry names leave out. */
export const sqlAliasNames = (): string[] => [...Object.keys(RENAMES), ...Object.keys(CAST_FUNCTIONS)];

/** Renamed functions whose Spark column name uses the name as written (`stddev(a)`). */
const KEEPS_WRITTEN_NAME = new Set([
  'pow',
  'regexp',
  'regexp_like',
  'mean',
  'std',
  'stddev',
  'variance',
  'ceiling',
  'char_length',
  'character_length',
  'len',
  'lcase',
  'ucase',
  'day',
  'sign',
  'substr',
  'first_value',
  'last_value',
  'negative',
  'cardinality',
  'mod',
  'now',
  'date_diff',
  'sha',
]);

/** Optional trailing arguments the registry wants explicitly: name → defaults appended when missing. */
function withDefaults(key: string, args: readonly Expr[]): Expr[] {
  const a = [...args];
  switch (key) {
    case 'lag':
    case 'lead':
      if (a.length === 1) a.push(lit.int(1));
      if (a.length === 2) a.push(lit.nul());
      break;
    case 'regexp_replace':
      if (a.length === 3) a.push(lit.int(1));
      break;
    case 'split':
      if (a.length === 2) a.push(lit.int(-1));
      break;
    case 'regexp_extract':
      if (a.length === 2) a.push(lit.int(1));
      break;
    case 'locate':
      if (a.length === 2) a.push(lit.int(1));
      break;
    case 'sort_array':
      if (a.length === 1) a.push(lit.bool(true));
      break;
    case 'months_between':
      if (a.length === 2) a.push(lit.bool(true));
      break;
    case 'from_unixtime':
      if (a.length === 1) a.push(lit.str('yyyy-MM-dd HH:mm:ss'));
      break;
    case 'unix_timestamp':
      if (a.length === 0) a.push(E.call('current_timestamp', []));
      if (a.length === 1) a.push(lit.str('yyyy-MM-dd HH:mm:ss'));
      break;
    case 'to_unix_timestamp':
      if (a.length === 1) a.push(lit.str('yyyy-MM-dd HH:mm:ss'));
      break;
    case 'convert_timezone':
      // The two-argument form converts from the session time zone.
      if (a.length === 2) a.unshift(E.call('current_timezone', []));
      break;
    case 'rand':
    case 'randn':
      if (a.length === 0) a.push(E.lit(Math.floor(Math.random() * 2 ** 31), LONG));
      break;
    default:
      break;
  }
  return a;
}

/** `FILTER (WHERE cond)` as the aggregate's row mask (the arguments stay as written: `first(b)` must not see masked rows as NULLs). */
const filterOf = (filter: Expr | undefined): { filter?: Expr } => (filter ? { filter } : {});

/**
 * The expression for `name(args)` as written in SQL. `name` is the function
 * name as written (any case); unknown names become calls the analyzer
 * reports as UNRESOLVED_ROUTINE.
 */
export function sqlFunctionCall(writtenName: string, rawArgs: readonly Expr[], opts: CallOptions = {}): Expr {
  const lower = writtenName.toLowerCase();
  // Column-API-only functions: SQL reports them as unknown, as Spark's SQL does.
  if (COLUMN_API_ONLY_FUNCTIONS.has(lower)) {
    throw new AnalysisException(
      `Cannot resolve function \`${lower}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`].`,
      { errorClass: 'UNRESOLVED_ROUTINE', messageParameters: { routineName: `\`${lower}\`` } },
    );
  }
  const args = [...rawArgs];
  const filterSuffix = (): string => (opts.filter ? ` FILTER (WHERE ${prettySql(opts.filter)})` : '');

  // count(*) / count(DISTINCT ...) / count() (an error in Spark)
  if (lower === 'count') {
    if (opts.star) {
      return E.call('count', [lit.int(1)], filterOf(opts.filter));
    }
    // count(): refused or counted by the SQL translator, under spark.sql.legacy.allowParameterlessCount (count-arguments.ts).
    if (args.length === 0) return E.call('count', [], filterOf(opts.filter));
    if (opts.distinct) {
      const c = E.call('count', args, { distinct: true, ...filterOf(opts.filter) });
      // with `*` / `t.*` arguments the name is given once the stars are expanded
      if (args.some((a) => a.kind === 'Star')) return c;
      return named(c, () => `count(DISTINCT ${argList(args)})${filterSuffix()}`);
    }
  }

  const castType = CAST_FUNCTIONS[lower];
  if (castType && !hasFunction(lower)) {
    if (args.length !== 1) throw wrongNumArgs(lower, '1', args.length);
    // Spark's cast-alias functions do not show in column names (`float(2.0)` is named `2.0`).
    return Object.freeze({ ...E.cast(args[0]!, castType, true), castFunction: true });
  }

  switch (lower) {
    case 'ltrim':
    case 'rtrim':
      // Spark's function form takes the characters first (ltrim('x', 'xxa') is 'a'); the registry takes the string first.
      if (args.length === 2) return E.call(lower, [args[1]!, args[0]!]);
      break;
    case 'if':
    case 'iif': {
      if (args.length !== 3) throw wrongNumArgs(lower, '3', args.length);
      return named(ifForm(args[0]!, args[1]!, args[2]!), () => `(IF(${argList(args)}))`);
    }
    case 'nvl':
    case 'ifnull': {
      if (args.length !== 2) throw wrongNumArgs(lower, '2', args.length);
      return named(E.call('coalesce', args), () => `${lower}(${argList(args)})`);
    }
    case 'decode': {
      // decode(expr, search, result[, search, result]...[, default]) is a CASE matching nulls too;
      // the two-argument form is the charset decoding in the registry.
      if (args.length < 3) break;
      const [subject, ...rest] = args;
      const branches = [];
      for (let i = 0; i + 1 < rest.length; i += 2) branches.push({ when: E.call('eq_null_safe', [subject!, rest[i]!]), then: rest[i + 1]! });
      const otherwise = rest.length % 2 === 1 ? rest[rest.length - 1]! : undefined;
      return named(E.caseWhen(branches, otherwise), () => `decode(${argList(args)})`);
    }
    case 'nullif': {
      if (args.length !== 2) throw wrongNumArgs(lower, '2', args.length);
      return named(E.caseWhen([{ when: E.call('eq', args), then: lit.nul() }], args[0]!), () => `nullif(${argList(args)})`);
    }
    case 'nvl2': {
      if (args.length !== 3) throw wrongNumArgs(lower, '3', args.length);
      return named(ifForm(E.call('is_not_null', [args[0]!]), args[1]!, args[2]!), () => `nvl2(${argList(args)})`);
    }
    case 'every':
    case 'bool_and':
    case 'some':
    case 'any':
    case 'bool_or': {
      if (hasFunction(lower)) break;
      if (args.length !== 1) throw wrongNumArgs(lower, '1', args.length);
      // min/max over booleans are AND/OR (nulls ignored, null for no rows); NOT NOT keeps Spark's boolean-only input check.
      const fn = lower === 'every' || lower === 'bool_and' ? 'min' : 'max';
      const checked = E.call('not', [E.call('not', [args[0]!])]);
      return named(E.call(fn, [checked], filterOf(opts.filter)), () => `${lower}(${argList(args)})${filterSuffix()}`);
    }
    case 'count_if': {
      if (hasFunction(lower)) break;
      if (args.length !== 1) throw wrongNumArgs(lower, '1', args.length);
      return named(E.call('count', [E.caseWhen([{ when: args[0]!, then: lit.int(1) }])], filterOf(opts.filter)), () => `count_if(${argList(args)})${filterSuffix()}`);
    }
    case 'div':
      // The function form is Spark's IntegralDivide too, named as the operator.
      if (args.length === 2) return named(E.call('div', args), () => `(${prettySql(args[0]!)} div ${prettySql(args[1]!)})`);
      break;
    case 'pow': {
      const call = E.call('pow', args);
      return named(call, () => `pow(${argList(args)})`);
    }
    case 'log':
      if (args.length === 1) return named(E.call('ln', args), () => `LOG(E(), ${prettySql(args[0]!)})`);
      break;
    case 'first':
    case 'last':
    case 'first_value':
    case 'last_value':
    case 'any_value': {
      // first(x, true) = first(x) IGNORE NULLS
      let ignoreNulls = opts.ignoreNulls ?? false;
      if (args.length === 2) {
        const flag = args[1]!;
        if (flag.kind !== 'Literal' || typeof flag.value !== 'boolean') {
          throw new AnalysisException(`The second argument in ${lower} should be a boolean literal.`, { errorClass: 'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE' });
        }
        ignoreNulls = ignoreNulls || flag.value;
        args.pop();
      }
      if (args.length !== 1) throw wrongNumArgs(lower, '[1, 2]', args.length);
      const key = lower === 'first_value' ? 'first' : lower === 'last_value' ? 'last' : lower;
      // DISTINCT keeps the first (last) value met: only the name shows it.
      const call = E.call(key, args, { options: { ignoreNulls }, ...(opts.distinct ? { distinct: true } : {}), ...filterOf(opts.filter) });
      if (key !== lower || opts.filter || opts.distinct) return named(call, () => `${lower}(${opts.distinct ? 'DISTINCT ' : ''}${argList(args)})${filterSuffix()}`);
      return call;
    }
    case 'nth_value': {
      const call = E.call('nth_value', args, { options: { ignoreNulls: opts.ignoreNulls ?? false } });
      return call;
    }
    default:
      break;
  }

  const key = RENAMES[lower] && !hasFunction(lower) ? RENAMES[lower]! : lower;
  const finalArgs = withDefaults(key, args);
  const call = E.call(key, finalArgs, {
    ...(opts.distinct ? { distinct: true } : {}),
    ...filterOf(opts.filter),
    ...(opts.ignoreNulls !== undefined ? { options: { ignoreNulls: opts.ignoreNulls } } : {}),
  });
  const writtenNameKept = key !== lower && KEEPS_WRITTEN_NAME.has(lower);
  if (writtenNameKept || opts.filter) {
    const distinct = opts.distinct ? 'DISTINCT ' : '';
    return named(call, () => {
      if (!writtenNameKept) return `${prettySql(E.call(key, withDefaults(key, args), opts.distinct ? { distinct: true } : {}))}${filterSuffix()}`;
      return `${lower}(${distinct}${argList(args)})${filterSuffix()}`;
    });
  }
  return call;
}

/** True when `name` (as written) is an aggregate function, for deciding whether a SELECT aggregates. */
export function isAggregateName(fn: string): boolean {
  return hasFunction(fn) && lookupFunction(fn).kind === 'aggregate';
}
