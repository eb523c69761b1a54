/**
 * Sort items (`e [ASC|DESC] [NULLS FIRST|LAST]`) and window specifications:
 * `OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ... AND ...)` with
 * its frame boundaries. Each takes the `SqlParser` at the clause it reads.
 * `windowExpr` builds `fn OVER (spec)` with Spark's name and frame checks.
 */
import { AnalysisException } from '../errors/index.js';
import { E, type Expr, type FrameBoundary, type SortOrder, type WindowFrame, type WindowSpecDef } from '../expr/nodes.js';
import { INT as INT_T, type DataType } from '../types/data-types.js';
import { sqlParseError } from './errors.js';
import { windowSpecSql } from '../expr/naming.js';
import { named, prettySql } from './functions.js';
import { additive, expression } from './parse-operators.js';
import { intervalLiteral } from './parse-primary.js';
import { lastPart, mapExpr, namedWindowRefs } from './parsed-expressions.js';
import type { SqlParser } from './parser.js';

export function sortItems(p: SqlParser): SortOrder[] {
  const items = [sortItem(p)];
  while (p.acceptOp(',')) items.push(sortItem(p));
  return items;
}

export function sortItem(p: SqlParser): SortOrder {
  const e = expression(p);
  let asc = true;
  if (p.acceptKw('DESC')) asc = false;
  else p.acceptKw('ASC');
  let nullsFirst = asc;
  if (p.acceptKw('NULLS')) {
    if (p.acceptKw('FIRST')) nullsFirst = true;
    else if (p.acceptKw('LAST')) nullsFirst = false;
    else throw p.syntaxError();
  }
  return E.sort(e, asc, nullsFirst);
}

/** `w` or `([w] [PARTITION BY ...] [ORDER BY ...] [frame])`. */
export function windowSpec(p: SqlParser): WindowSpecDef {
  if (p.isIdentifier() && !p.isOp('(')) {
    const spec: WindowSpecDef = { partitionBy: [], orderBy: [] };
    namedWindowRefs.set(spec, p.identifier().toLowerCase());
    return spec;
  }
  p.expectOp('(');
  let base: string | undefined;
  if (p.isIdentifier() && !['PARTITION', 'DISTRIBUTE', 'ORDER', 'SORT', 'ROWS', 'RANGE', 'CLUSTER'].includes(p.cur.upper)) {
    base = p.identifier().toLowerCase();
  }
  let partitionBy: Expr[] = [];
  let orderBy: SortOrder[] = [];
  if (p.acceptKw('PARTITION', 'BY') || p.acceptKw('DISTRIBUTE', 'BY') || p.acceptKw('CLUSTER', 'BY')) {
    partitionBy = [expression(p)];
    while (p.acceptOp(',')) partitionBy.push(expression(p));
  }
  if (p.acceptKw('ORDER', 'BY') || p.acceptKw('SORT', 'BY')) orderBy = sortItems(p);
  let frame: WindowFrame | undefined;
  if (p.isKw('ROWS') || p.isKw('RANGE')) frame = windowFrame(p);
  p.expectOp(')');
  const spec: WindowSpecDef = { partitionBy, orderBy, ...(frame ? { frame } : {}) };
  if (base !== undefined) {
    if (partitionBy.length > 0 || orderBy.length > 0 || frame) throw p.notSupported('window specs extending a named window');
    namedWindowRefs.set(spec, base);
  }
  return spec;
}

export function windowFrame(p: SqlParser): WindowFrame {
  const frameType = p.tokens[p.pos++]!.upper === 'ROWS' ? 'rows' : 'range';
  let frame: WindowFrame;
  if (p.acceptKw('BETWEEN')) {
    const lower = frameBound(p, frameType);
    p.expectKw('AND');
    const upper = frameBound(p, frameType);
    frame = { frameType, lower, upper };
  } else {
    frame = { frameType, lower: frameBound(p, frameType), upper: { type: 'currentRow' } };
  }
  checkFrame(frame);
  return frame;
}

export function frameBound(p: SqlParser, frameType: 'rows' | 'range'): FrameBoundary {
  if (p.acceptKw('UNBOUNDED', 'PRECEDING')) return { type: 'unboundedPreceding' };
  if (p.acceptKw('UNBOUNDED', 'FOLLOWING')) return { type: 'unboundedFollowing' };
  if (p.acceptKw('CURRENT', 'ROW')) return { type: 'currentRow' };
  if (p.isKw('INTERVAL')) {
    // RANGE BETWEEN INTERVAL '1' DAY PRECEDING ...: the offset is an interval value.
    const lit = intervalLiteral(p);
    if (lit.kind !== 'Literal') throw p.syntaxError();
    const value = Number(lit.value);
    if (p.acceptKw('PRECEDING')) return { type: 'offset', value: -value, interval: lit.dataType };
    if (p.acceptKw('FOLLOWING')) return { type: 'offset', value, interval: lit.dataType };
    throw p.syntaxError();
  }
  const start = p.cur;
  const e = additive(p);
  let value: number;
  if (e.kind === 'Literal' && (typeof e.value === 'number' || typeof e.value === 'bigint')) {
    value = typeof e.value === 'bigint' ? decimalNumber(e.value, e.dataType) : Number(e.value);
    if (frameType === 'rows' && !e.dataType.equals(INT_T)) {
      throw new AnalysisException(
        `Cannot resolve "ROWS BETWEEN ... ${prettySql(e)} ..." due to data type mismatch: The data type of the bound "${e.dataType.simpleString().toUpperCase()}" does not match the expected data type "INT".`,
        { errorClass: 'DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE' },
      );
    }
  } else {
    throw sqlParseError(p.src, start.start, 'INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC', `Frame bound value must be a literal.`, {});
  }
  if (p.acceptKw('PRECEDING')) return { type: 'offset', value: -value };
  if (p.acceptKw('FOLLOWING')) return { type: 'offset', value };
  throw p.syntaxError();
}

/** Spark's frame checks: bounds in order, UNBOUNDED FOLLOWING never first, UNBOUNDED PRECEDING never last. */
function checkFrame(f: WindowFrame): void {
  const rank = (b: FrameBoundary): number =>
    b.type === 'unboundedPreceding' ? -Infinity : b.type === 'unboundedFollowing' ? Infinity : b.type === 'currentRow' ? 0 : b.value;
  const text = (b: FrameBoundary): string =>
    b.type === 'unboundedPreceding' ? 'UNBOUNDED PRECEDING' : b.type === 'unboundedFollowing' ? 'UNBOUNDED FOLLOWING' : b.type === 'currentRow' ? 'CURRENT ROW' : b.value < 0 ? `${-b.value} PRECEDING` : `${b.value} FOLLOWING`;
  const sql = `${f.frameType.toUpperCase()} BETWEEN ${text(f.lower)} AND ${text(f.upper)}`;
  if (f.lower.type === 'unboundedFollowing' || f.upper.type === 'unboundedPreceding') {
    throw new AnalysisException(`Cannot resolve "${sql}" due to data type mismatch: Window frame upper bound "${text(f.upper)}" does not follow the lower bound "${text(f.lower)}".`, {
      errorClass: 'DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON',
    });
  }
  if (rank(f.lower) > rank(f.upper)) {
    throw new AnalysisException(`Cannot resolve "${sql}" due to data type mismatch: The lower bound of a window frame must be less than or equal to the upper bound.`, {
      errorClass: 'DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_INVALID_BOUND',
    });
  }
}

function decimalNumber(unscaled: bigint, t: DataType): number {
  const scale = (t as { scale?: number }).scale ?? 0;
  return Number(unscaled) / 10 ** scale;
}

/**
 * `fn OVER (spec)`. A function whose SQL form carries Spark's name in an Alias
 * (`every(v)`, `first_value(x)`) keeps the alias outside the window, named
 * `every(v) OVER (...)`, since window functions must be calls.
 */
export function windowExpr(fn: Expr, spec: WindowSpecDef): Expr {
  checkRangeFrame(spec);
  if (fn.kind !== 'Alias') return E.window(fn, spec);
  const w = E.window(fn.child, spec);
  return named(w, () => `${fn.name} OVER (${windowSpecSql(stripSpec(spec), fn.child)})`);
}

/** A RANGE frame with value offsets needs exactly one ORDER BY expression. */
function checkRangeFrame(spec: WindowSpecDef): void {
  const f = spec.frame;
  if (!f || f.frameType !== 'range') return;
  if ((f.lower.type === 'offset' || f.upper.type === 'offset') && spec.orderBy.length !== 1) {
    throw new AnalysisException(
      `A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions: ${spec.orderBy.map((o) => prettySql(o)).join(',')}.`,
      { errorClass: 'DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER' },
    );
  }
}

function stripSpec(spec: WindowSpecDef): WindowSpecDef {
  return { ...spec, partitionBy: spec.partitionBy.map(unqualified), orderBy: spec.orderBy.map((o) => unqualified(o) as SortOrder) };
}

function unqualified(e: Expr): Expr {
  if (e.kind === 'ColumnRef') return E.col(lastPart(e.name));
  return mapExpr(e, unqualified);
}
