/** What an operator lowering receives: translated inputs and expression translators. */
import type { LogicalPlan } from '../../../plan/nodes.js';
import type { StructType } from '../../../types/data-types.js';
import type { ExprTranslator, TranslateOptions } from '../expression-translator.js';
import type { NativeLazyFrame, PolarsNative } from '../native.js';

/**
 * A lazily built relation: the Polars plan plus its Spark schema. Invariant:
 * the frame's columns are exactly `c0..c{n-1}`, positional to `schema`.
 */
export interface Frame {
  readonly lf: NativeLazyFrame;
  readonly schema: StructType;
}

export interface OperatorEnv {
  readonly pl: PolarsNative;
  readonly options: TranslateOptions;
  /** Bytes a native join's output may take (backend/limits.ts); undefined: not checked (describe only). */
  readonly memoryBudget?: number;
  /** Row bounds proven for nodes of this query while it is lowered (by the join guard), tighter than `maxRows`. */
  readonly rowBounds?: Map<LogicalPlan, number>;
  /** A translator over `schema` (row mode, or agg mode inside group-bys). */
  translator(schema: StructType, mode?: 'row' | 'agg', nameOf?: (i: number) => string): ExprTranslator;
}
