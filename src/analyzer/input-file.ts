/**
 * input_file_name(), input_file_block_start(), input_file_block_length():
 * Spark reads them from the file scan task producing the row. Here a file
 * read is a LocalRelation that knows how many consecutive rows came from each
 * file (`fileRows`); when a projection or aggregation asks for them, the
 * analyzer has the relation produce three more columns (the file's URI, 0 and
 * its length: one split per file) and passes them up through the row-keeping
 * nodes in between (Filter, Sort, Limit, Offset, Sample, Project). Elsewhere
 * (no file below, or a join, aggregation, union... in between) they are
 * Spark's values for rows not read from a file: '', -1 and -1.
 */
import { E, children, mapChildren, typeOf, type Expr } from '../expr/nodes.js';
import { exprSql } from '../expr/naming.js';
import { makeBatch } from '../data/batch.js';
import { withProps, type LogicalPlan } from '../plan/nodes.js';
import { LONG, STRING, StructField, StructType, type DataType } from '../types/data-types.js';
import type { Analyzed, Attribute } from './scope.js';

const FUNCTIONS: readonly { fn: string; name: string; type: DataType; none: unknown }[] = [
  { fn: 'input_file_name', name: '__input_file_name', type: STRING, none: '' },
  { fn: 'input_file_block_start', name: '__input_file_block_start', type: LONG, none: -1 },
  { fn: 'input_file_block_length', name: '__input_file_block_length', type: LONG, none: -1 },
];
const FILE_FIELDS = FUNCTIONS.map((f) => new StructField(f.name, f.type, false));

const INPUT_FILE_FUNCTIONS: ReadonlySet<string> = new Set(FUNCTIONS.map((f) => f.fn));
const isInputFileCall = (e: Expr): boolean => e.kind === 'Call' && INPUT_FILE_FUNCTIONS.has(e.fn);
const mentions = (e: Expr): boolean => isInputFileCall(e) || children(e).some(mentions);

const widened = (schema: StructType): StructType => new StructType([...schema.fields, ...FILE_FIELDS]);
const schemaOf = (p: LogicalPlan): StructType | undefined => p.schema ?? (p.kind === 'LocalRelation' ? p.data.schema : undefined);

/** `p` (resolved) with the three file columns appended to its output, or undefined when they cannot come through. */
function withFileColumns(p: LogicalPlan): LogicalPlan | undefined {
  switch (p.kind) {
    case 'LocalRelation': {
      if (!p.fileRows) return undefined;
      const [names, starts, lengths]: unknown[][] = [[], [], []];
      for (const f of p.fileRows) {
        for (let i = 0; i < f.rows; i++) {
          names.push(f.uri);
          starts.push(0);
          lengths.push(f.length);
        }
      }
      if (names.length !== p.data.numRows) return undefined;
      const schema = widened(p.data.schema);
      return withProps(p, { data: makeBatch(schema, [...p.data.columns, names, starts, lengths]), schema });
    }
    case 'Filter':
    case 'Sort':
    case 'Limit':
    case 'Offset':
    case 'Sample': {
      const input = withFileColumns(p.input);
      const schema = schemaOf(p);
      return input && schema ? withProps(p as LogicalPlan, { input, schema: widened(schema) } as never) : undefined;
    }
    case 'Project': {
      const input = withFileColumns(p.input);
      const schema = schemaOf(p);
      if (!input || !schema) return undefined;
      const n = schemaOf(input)!.fields.length - FILE_FIELDS.length;
      const refs = FUNCTIONS.map((f, i) => E.bound(n + i, f.name, f.type, false));
      return withProps(p, { input, exprs: [...p.exprs, ...refs], schema: widened(schema) });
    }
    default:
      return undefined;
  }
}

/** Replaces input_file_* calls in `exprs` (resolved over `input`) by the file columns, computed below. */
export function extractInputFile(exprs: readonly Expr[], input: Analyzed): { base: Analyzed; exprs: Expr[] } {
  if (!exprs.some(mentions)) return { base: input, exprs: [...exprs] };
  const plan = withFileColumns(input.plan);
  const n = input.attrs.length;
  const replace = (e: Expr): Expr => {
    const at = e.kind === 'Call' ? FUNCTIONS.findIndex((f) => f.fn === e.fn) : -1;
    if (at < 0) return mapChildren(e, replace);
    const f = FUNCTIONS[at]!;
    return plan ? E.bound(n + at, f.name, f.type, false) : E.lit(f.none, f.type);
  };
  // A replaced expression keeps its name (`input_file_name()`, `concat(input_file_name(), x)`).
  const named = (e: Expr): Expr =>
    e.kind === 'Alias' || !mentions(e) ? replace(e) : Object.freeze({ ...E.alias(replace(e), exprSql(e)), dataType: typeOf(e), nullable: e.nullable ?? true });
  if (!plan) return { base: input, exprs: exprs.map(named) };
  // Hidden: never part of `*`, and kept after the visible attributes.
  const extra: Attribute[] = FUNCTIONS.map((f) => ({ name: f.name, dataType: f.type, nullable: false, metadata: {}, qualifiers: [], planIds: new Set<number>(), hidden: true }));
  return { base: { plan, attrs: [...input.attrs, ...extra] }, exprs: exprs.map(named) };
}
