/**
 * Table-valued functions in FROM: `range(...)` and the generator functions
 * (explode, explode_outer, posexplode[_outer], inline[_outer], json_tuple,
 * stack). A generator TVF is the relation `SELECT gen(args)` produces, so it
 * reuses the generator definitions and the analyzer's Generate operator;
 * `LATERAL gen(args)` joins it as a lateral subquery (see lateralJoin).
 * `sql_keywords()` is the recorded keyword list of Spark 3.5.7.
 */
import { wrongNumArgs } from '../errors/analysis-errors.js';
import { AnalysisException, NotImplementedException } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { hasFunction, lookupFunction } from '../functions/registry.js';
import { requirePositivePartitions } from '../api/arg-checks.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { BooleanType, DataType, IntegerType, IntegralType, LongType, NumericType, StringType, StructField, StructType } from '../types/data-types.js';
import { makeBatch } from '../data/batch.js';
import { ANSI_RESERVED_KEYWORDS, SQL_KEYWORDS } from './sql-keywords-data.js';
import { sqlTypeName } from '../functions/define.js';
import type { SelectAst, TableAlias } from './ast.js';
import { analysisError, safeSql, stripAlias, type Translator } from './translate.js';
import { aliased, oneRow } from './translate-relations.js';

export function isGeneratorFunction(name: string): boolean {
  return hasFunction(name) && lookupFunction(name).kind === 'generator';
}

/** `FROM name(args) [t(a, b)]`. */
export function tableFunction(t: Translator, name: string, args: readonly Expr[], alias: TableAlias | undefined): LogicalPlan {
  if (name === 'range') return aliased(t, range(t, args), alias);
  if (isGeneratorFunction(name)) {
    // translated as a select block, so that arguments may use an enclosing query's columns
    const p = t.query(generatorSelect(name, args));
    checkTvfAliases(t, name, p, alias);
    return aliased(t, p, alias);
  }
  if (name === 'sql_keywords') {
    const p = sqlKeywords(t, args);
    checkTvfAliases(t, name, p, alias);
    return aliased(t, p, alias);
  }
  throw new AnalysisException(
    `Could not resolve \`${name}\` to a table-valued function. Please make sure that \`${name}\` is defined as a table-valued function and that all required parameters are provided correctly. If \`${name}\` is not defined, please create the table-valued function before using it. For more information about defining table-valued functions, please refer to the Apache Spark documentation.`,
    { errorClass: 'UNRESOLVABLE_TABLE_VALUED_FUNCTION', messageParameters: { name: `\`${name}\`` } },
  );
}

/** The select block of `LATERAL gen(args)`: its outer references resolve against the relations before it. */
export function generatorSelect(name: string, args: readonly Expr[]): SelectAst {
  return { kind: 'select', distinct: false, items: [E.call(name, args)], windows: new Map() };
}

/** `gen(...) t(a, b)`: as many aliases as the generator has output columns. */
export function checkTvfAliases(t: Translator, name: string, p: LogicalPlan, alias: TableAlias | undefined): void {
  const columns = alias?.columns;
  const actual = columns && t.opts.columnsOf?.(p);
  if (!columns || !actual || actual.length === columns.length) return;
  throw analysisError(
    `Number of given aliases does not match number of output columns. Function name: \`${name}\`; number of aliases: ${columns.length}; number of output columns: ${actual.length}.`,
    'NUM_TABLE_VALUE_ALIASES_MISMATCH',
    { funcName: `\`${name}\``, aliasesNum: String(columns.length), outColsNum: String(actual.length) },
  );
}

/**
 * `range([start,] end [, step [, numPartitions]])`: each argument is a constant
 * expression cast to BIGINT (numPartitions: INT); one that is NULL, cannot be
 * cast or is not a number or string is Spark's UNEXPECTED_INPUT_TYPE, numbered
 * by its place in (start, end, step, numPartitions).
 */
function range(t: Translator, args: readonly Expr[]): LogicalPlan {
  if (args.length < 1 || args.length > 4) {
    throw wrongNumArgs('range', '[1, 2, 3, 4]', args.length);
  }
  const nums = args.map((a, i) => constantArg(t, a, args.length === 1 ? 1 : i));
  const [start, end, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  if (step === 0) {
    throw analysisError("Failed preparing of the function `range` for call. Please, double check function's arguments.", 'FAILED_FUNCTION_CALL', { funcName: '`range`' });
  }
  const numPartitions = nums[3];
  if (numPartitions !== undefined) requirePositivePartitions(numPartitions);
  return plan('Range', { start, end, step, ...(numPartitions !== undefined ? { numPartitions } : {}) });
}

/** `sql_keywords()`: (keyword, reserved) rows; reserved only where Spark enforces ANSI reserved keywords. */
function sqlKeywords(t: Translator, args: readonly Expr[]): LogicalPlan {
  if (args.length !== 0) {
    throw wrongNumArgs('sql_keywords', '0', args.length);
  }
  const on = (key: string): boolean => (t.conf(key) ?? 'false').trim().toLowerCase() === 'true';
  const enforced = on('spark.sql.ansi.enabled') && on('spark.sql.ansi.enforceReservedKeywords');
  const schema = new StructType([new StructField('keyword', new StringType(), false), new StructField('reserved', new BooleanType(), false)]);
  const reserved = SQL_KEYWORDS.map((k) => enforced && ANSI_RESERVED_KEYWORDS.has(k));
  return plan('LocalRelation', { data: makeBatch(schema, [[...SQL_KEYWORDS], reserved]) });
}

function constantArg(t: Translator, arg: Expr, index: number): number {
  const x = stripAlias(arg);
  // integer literals (the common case) need no evaluation
  if (x.kind === 'Literal' && x.dataType instanceof IntegralType && x.value !== null) return Number(x.value);
  const { evaluate } = t.opts;
  if (!evaluate) throw new NotImplementedException('SQL range() with computed arguments without a session', 'the arguments are evaluated by the session');
  const target: DataType = index === 3 ? new IntegerType() : new LongType();
  const row = evaluate(plan('Project', { input: oneRow(t), exprs: [E.alias(x, 'a')] }));
  const type = row.schema.fields[0]!.dataType;
  let value: unknown = null;
  if (type instanceof NumericType || type instanceof StringType) {
    const cast = evaluate(plan('Project', { input: oneRow(t), exprs: [E.alias(Object.freeze({ ...E.cast(x, target), tryCast: true }), 'v')] }));
    value = cast.columns[0]![0] ?? null;
  }
  if (value === null) {
    const sql = safeSql(x);
    throw analysisError(`Parameter ${index + 1} of function \`range\` requires the ${sqlTypeName(target)} type, however "${sql}" has the type ${sqlTypeName(type)}.`, 'UNEXPECTED_INPUT_TYPE', {
      paramIndex: String(index + 1),
      functionName: '`range`',
      requiredType: sqlTypeName(target),
      inputSql: `"${sql}"`,
      inputType: sqlTypeName(type),
    });
  }
  return Number(value);
}
