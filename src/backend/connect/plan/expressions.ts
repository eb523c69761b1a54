/**
 * Unresolved expressions → Spark Connect `Expression` messages (as plain
 * objects keyed by the proto's field names; see ../proto).
 *
 * What is sent is what PySpark sends for the same call: operators as Spark's
 * function names (`+`, `==`, `and`, `negative`, ...), functions by name with
 * literal arguments, text from `expr()`/`selectExpr`/string filters as
 * `expression_string` (Spark parses it), `df.col()` bindings as plan ids.
 * Spark then does its own analysis and returns its own names and errors.
 */
import { NotImplementedException } from '../../../errors/index.js';
import type { Expr, FrameBoundary, SortOrder, WindowSpecDef } from '../../../expr/nodes.js';
import { sqlTextOf } from '../../../expr/sql-text.js';
import type { Msg } from '../proto/codec.js';
import { toProtoDataType } from '../data-type.js';
import { literalMessage } from './literals.js';

/**
 * Registry keys whose Spark Connect function name differs (operators and the
 * `Column` methods PySpark sends under Spark's names).
 */
const SPARK_NAMES: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  remainder: '%',
  negate: 'negative',
  eq: '==',
  eq_null_safe: '<=>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  is_null: 'isNull',
  is_not_null: 'isNotNull',
  isnan: 'isNaN',
  startswith: 'startsWith',
  endswith: 'endsWith',
  bitwise_and: '&',
  bitwise_or: '|',
  bitwise_xor: '^',
  bitwise_not: '~',
  // PySpark's F.pow sends `power`, which Spark names POWER(x, y); F.create_map sends `map`.
  pow: 'power',
  create_map: 'map',
};

/**
 * Call options PySpark sends as a trailing literal argument: `first(col, ignorenulls)`,
 * `like(str, pattern, escapeChar)`.
 */
function optionArgs(e: Extract<Expr, { kind: 'Call' }>): Msg[] {
  const o = e.options ?? {};
  const out: Msg[] = [];
  if (o['ignoreNulls'] !== undefined) out.push({ literal: { boolean: Boolean(o['ignoreNulls']) } });
  if (o['escapeChar'] !== undefined) out.push({ literal: { string: String(o['escapeChar']) } });
  return out;
}

export function expressionMessage(e: Expr): Msg {
  // Text the user wrote as SQL is sent as text: Spark parses and names it.
  const text = sqlTextOf(e);
  if (text !== undefined) return { expression_string: { expression: text } };
  switch (e.kind) {
    case 'ColumnRef':
      return {
        unresolved_attribute: {
          unparsed_identifier: e.quoted ? `\`${e.name.replace(/`/g, '``')}\`` : e.name,
          ...(e.planId !== undefined ? { plan_id: e.planId } : {}),
        },
      };
    case 'Literal':
      return { literal: literalMessage(e.value, e.dataType) };
    case 'Alias': {
      // A generator's several names (`explode(map).alias('k', 'v')`) travel as the alias's name list.
      const { multiAlias, ...metadata } = e.metadata ?? {};
      return {
        alias: {
          expr: expressionMessage(e.child),
          name: Array.isArray(multiAlias) ? multiAlias.map(String) : [e.name],
          ...(Object.keys(metadata).length > 0 ? { metadata: JSON.stringify(metadata) } : {}),
        },
      };
    }
    case 'Cast':
      return { cast: { expr: expressionMessage(e.child), type: toProtoDataType(e.to) } };
    case 'Call':
      return callMessage(e);
    case 'CaseWhen':
      // PySpark's when/otherwise chain is one `when` function: cond1, value1, ..., [else].
      return fn('when', [...e.branches.flatMap((b) => [b.when, b.then]), ...(e.otherwise ? [e.otherwise] : [])].map(expressionMessage));
    case 'SortOrder':
      return { sort_order: sortOrderMessage(e) };
    case 'WindowExpr':
      return { window: windowMessage(e.fn, e.spec) };
    case 'Star':
      if (e.regex !== undefined) return { unresolved_regex: { col_name: `\`${e.regex}\``, ...(e.planId !== undefined ? { plan_id: e.planId } : {}) } };
      return { unresolved_star: e.target !== undefined ? { unparsed_target: `${e.target}.*` } : {} };
    case 'Lambda':
      return {
        lambda_function: {
          function: expressionMessage(e.body),
          arguments: e.params.map((p) => ({ name_parts: [p] })),
        },
      };
    case 'LambdaVar':
      return { unresolved_named_lambda_variable: { name_parts: [e.name] } };
    case 'BoundRef':
      // Only the analyzer makes these; a plan sent to Spark is never resolved locally.
      return { unresolved_attribute: { unparsed_identifier: `\`${e.name.replace(/`/g, '``')}\`` } };
  }
}

function fn(name: string, args: Msg[], isDistinct = false): Msg {
  return { unresolved_function: { function_name: name, arguments: args, ...(isDistinct ? { is_distinct: true } : {}) } };
}

function callMessage(e: Extract<Expr, { kind: 'Call' }>): Msg {
  const args = e.args.map(expressionMessage);
  switch (e.fn) {
    case 'get_item':
      return { unresolved_extract_value: { child: args[0], extraction: args[1] } };
    case 'get_field':
      return { unresolved_extract_value: { child: args[0], extraction: { literal: { string: String(e.options?.['field']) } } } };
    case 'with_field':
      return { update_fields: { struct_expression: args[0], field_name: String(e.options?.['field']), value_expression: args[1] } };
    case 'drop_fields':
      // One UpdateFields without a value per dropped field, applied in order (as PySpark builds it).
      return ((e.options?.['fields'] as string[] | undefined) ?? []).reduce<Msg>(
        (acc, field) => ({ update_fields: { struct_expression: acc, field_name: field } }),
        args[0]!,
      );
    case 'neq':
      return fn('not', [fn('==', args)]);
    case 'shuffle':
      // Spark 3.5's shuffle takes no seed: sending one would be silently dropped.
      if (e.options?.['seed'] !== undefined) {
        throw new NotImplementedException('shuffle with a seed on Spark Connect', "Spark 3.5's shuffle has no seed argument; the seed is honoured only on the local backends");
      }
      break;
    case 'udf':
    case 'pandas_udf':
      throw new NotImplementedException(`Running a TypeScript UDF on Spark Connect`, 'a TypeScript function cannot run inside Spark; UDFs run on the local backends (memory, polars)');
  }
  // Spark Connect 3.5's function message has no FILTER; SQL text carries it to Spark instead.
  if (e.filter) throw new NotImplementedException(`${e.fn}(...) FILTER (WHERE ...) in a Spark Connect plan`, 'run it as spark.sql text');
  // Spark's trim/ltrim/rtrim take the characters first; the registry takes the string first.
  if ((e.fn === 'trim' || e.fn === 'ltrim' || e.fn === 'rtrim') && args.length === 2) args.reverse();
  // The name the user called (`negative`, `stddev`, `first_value`), so Spark names the column as PySpark's users see it.
  const calledAs = e.options?.['calledAs'];
  const name = typeof calledAs === 'string' ? calledAs : SPARK_NAMES[e.fn] ?? e.fn;
  return fn(name, [...args, ...optionArgs(e)], e.distinct === true);
}

export function sortOrderMessage(o: SortOrder): Msg {
  return {
    child: expressionMessage(o.child),
    direction: o.ascending ? 1 : 2,
    null_ordering: o.nullsFirst ? 1 : 2,
  };
}

function windowMessage(fnExpr: Expr, spec: WindowSpecDef): Msg {
  return {
    window_function: expressionMessage(fnExpr),
    partition_spec: spec.partitionBy.map(expressionMessage),
    order_spec: spec.orderBy.map(sortOrderMessage),
    ...(spec.frame
      ? {
          frame_spec: {
            frame_type: spec.frame.frameType === 'rows' ? 1 : 2,
            lower: boundaryMessage(spec.frame.lower),
            upper: boundaryMessage(spec.frame.upper),
          },
        }
      : {}),
  };
}

function boundaryMessage(b: FrameBoundary): Msg {
  switch (b.type) {
    case 'currentRow':
      return { current_row: true };
    case 'unboundedPreceding':
    case 'unboundedFollowing':
      return { unbounded: true };
    case 'offset':
      if (b.interval) return { value: { literal: literalMessage(b.value, b.interval) } };
      return { value: { literal: Number.isInteger(b.value) && Math.abs(b.value) <= 2 ** 31 - 1 ? { integer: b.value } : { long: BigInt(Math.trunc(b.value)) } } };
  }
}

/** `DataType` message for a cast target or schema (re-exported for the relation converter). */
export { toProtoDataType };
