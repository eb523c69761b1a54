/**
 * Sort items (`e [ASC|DESC] [NULLS FIRST|LAST]`) and window specifications:
 * `OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ... AND ...)` with
 * its frame boundaries. Each takes the `SqlParser` at the clause it reads.
 * `windowExpr` builds `fn OVER (spec)` with Spark's name and frame checks.
 */
import { E, type Expr, type FrameBoundary, type SortOrder, type WindowFrame, type WindowSpecDef } from '../expr/nodes.js';
import type { DataType } from '../types/data-types.js';
import type { SqlOrigin } from '../errors/query-context.js';
import { withSpecOrigin } from '../expr/origin.js';
import { checkFrame } from './frame-checks.js';
import { sqlParseError } from './errors.js';
import { windowSpecSql } from '../expr/naming.js';
import { named } from './functions.js';
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
  const open = p.expectOp('(');
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
  // Spark's WindowSpecDefinition (and the errors about its frame) start at the `(`.
  const origin = { source: p.source, startIndex: open.start, stopIndex: open.end - 1 };
  if (p.isKw('ROWS') || p.isKw('RANGE')) frame = windowFrame(p, orderBy.length, origin);
  const close = p.expectOp(')');
  const spec: WindowSpecDef = withSpecOrigin({ partitionBy, orderBy, ...(frame ? { frame } : {}) }, { ...origin, stopIndex: close.end - 1 });
  if (base !== undefined) {
    if (partitionBy.length > 0 || orderBy.length > 0 || frame) throw p.notSupported('window specs extending a named window');
    namedWindowRefs.set(spec, base);
  }
  return spec;
}

export function windowFrame(p: SqlParser, orderKeys: number, origin: SqlOrigin): WindowFrame {
  const frameType = p.tokens[p.pos++]!.upper === 'ROWS' ? 'rows' : 'range';
  const bounds: { bound: FrameBoundary; type?: DataType }[] = [];
  if (p.acceptKw('BETWEEN')) {
    bounds.push(frameBound(p));
    p.expectKw('AND');
    bounds.push(frameBound(p));
  } else {
    bounds.push(frameBound(p), { bound: { type: 'currentRow' } });
  }
  const frame: WindowFrame = { frameType, lower: bounds[0]!.bound, upper: bounds[1]!.bound };
  checkFrame(frame, bounds.map((b) => b.type), orderKeys, origin);
  return frame;
}

/** One bound, with its literal's type when it is a numeric offset. */
export function frameBound(p: SqlParser): { bound: FrameBoundary; type?: DataType } {
  if (p.acceptKw('UNBOUNDED', 'PRECEDING')) return { bound: { type: 'unboundedPreceding' } };
  if (p.acceptKw('UNBOUNDED', 'FOLLOWING')) return { bound: { type: 'unboundedFollowing' } };
  if (p.acceptKw('CURRENT', 'ROW')) return { bound: { type: 'currentRow' } };
  if (p.isKw('INTERVAL')) {
    // RANGE BETWEEN INTERVAL '1' DAY PRECEDING ...: the offset is an interval value.
    const lit = intervalLiteral(p);
    if (lit.kind !== 'Literal') throw p.syntaxError();
    const value = Number(lit.value);
    if (p.acceptKw('PRECEDING')) return { bound: { type: 'offset', value: -value, interval: lit.dataType } };
    if (p.acceptKw('FOLLOWING')) return { bound: { type: 'offset', value, interval: lit.dataType } };
    throw p.syntaxError();
  }
  const start = p.cur;
  const e = additive(p);
  if (!(e.kind === 'Literal' && (typeof e.value === 'number' || typeof e.value === 'bigint'))) {
    // Spark's message ends with its own period before the position.
    throw sqlParseError(p.src, start.start, '', `\nFrame bound value must be a literal..`, {});
  }
  const value = typeof e.value === 'bigint' ? decimalNumber(e.value, e.dataType) : Number(e.value);
  if (p.acceptKw('PRECEDING')) return { bound: { type: 'offset', value: -value }, type: e.dataType };
  if (p.acceptKw('FOLLOWING')) return { bound: { type: 'offset', value }, type: e.dataType };
  throw p.syntaxError();
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
  if (fn.kind !== 'Alias') return E.window(fn, spec);
  const w = E.window(fn.child, spec);
  return named(w, () => `${fn.name} OVER (${windowSpecSql(stripSpec(spec), fn.child)})`);
}

function stripSpec(spec: WindowSpecDef): WindowSpecDef {
  return { ...spec, partitionBy: spec.partitionBy.map(unqualified), orderBy: spec.orderBy.map((o) => unqualified(o) as SortOrder) };
}

function unqualified(e: Expr): Expr {
  if (e.kind === 'ColumnRef') return E.col(lastPart(e.name));
  return mapExpr(e, unqualified);
}
