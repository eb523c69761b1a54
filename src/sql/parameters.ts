/**
 * Parameter markers of `spark.sql(query, args)`: `:name` bound from an
 * object, `?` bound by position from an array. Each marker becomes a typed
 * literal expression (PySpark's `lit()` typing) while the query is parsed;
 * the values are never spliced into the SQL text.
 */
import { Column } from '../api/column.js';
import { literalExpr } from '../api/literals.js';
import { AnalysisException } from '../errors/index.js';
import { exists, type Expr } from '../expr/nodes.js';

/** What `spark.sql` accepts as parameter values: by name, or by position. */
export type SqlArgs = Readonly<Record<string, unknown>> | readonly unknown[];

/** Collection constructors Spark accepts around literal arguments. */
const CONSTRUCTORS = new Set(['array', 'create_map', 'map', 'named_struct', 'struct', 'map_from_arrays']);

const isLiteralTree = (e: Expr): boolean =>
  !exists(e, (x) => !(x.kind === 'Literal' || (x.kind === 'Call' && CONSTRUCTORS.has(x.fn)) || x.kind === 'Alias'));

/** The argument as an expression: a JS value as `lit()` types it, or a Column of literals. */
function argExpr(name: string, v: unknown): Expr {
  if (Column.isColumn(v)) {
    if (!isLiteralTree(v.expr)) {
      throw new AnalysisException(
        `The argument ${name} of \`sql()\` is invalid. Consider to replace it either by a SQL literal or by collection constructor functions such as \`map()\`, \`array()\`, \`struct()\`.`,
        { errorClass: 'INVALID_SQL_ARG', messageParameters: { name } },
      );
    }
    return v.expr.kind === 'Alias' ? v.expr.child : v.expr;
  }
  return literalExpr(v);
}

/**
 * Binds the markers of one statement as the parser meets them. Spark names an
 * unbound positional marker `_<offset>`, after its offset in the text.
 */
export class ParameterBinder {
  readonly #named: ReadonlyMap<string, unknown> | undefined;
  readonly #positional: readonly unknown[] | undefined;
  /** Offsets of the `?` markers in the text, in order: a marker's index is its rank. */
  readonly #positions: readonly number[];
  #sawNamed = false;
  #sawPositional = false;
  #unbound: string | undefined;

  constructor(args: SqlArgs | undefined, positions: readonly number[]) {
    if (Array.isArray(args)) this.#positional = args;
    else if (args) this.#named = new Map(Object.entries(args));
    this.#positions = positions;
  }

  /** `:name` */
  named(name: string): Expr {
    this.#sawNamed = true;
    if (this.#named?.has(name)) return argExpr(name, this.#named.get(name));
    return this.#missing(name);
  }

  /** `?` at `offset` in the text. */
  positional(offset: number): Expr {
    this.#sawPositional = true;
    const i = this.#positions.indexOf(offset);
    if (this.#positional && i >= 0 && i < this.#positional.length) return argExpr(`_${i}`, this.#positional[i]);
    return this.#missing(`_${offset}`);
  }

  #missing(name: string): Expr {
    this.#unbound ??= name;
    return literalExpr(null);
  }

  /** After the whole statement is parsed: Spark's errors for mixed or unbound markers. */
  finish(): void {
    if (this.#sawNamed && this.#sawPositional) {
      throw new AnalysisException('Parameterized query must either use positional, or named parameters, but not both.', {
        errorClass: 'INVALID_QUERY_MIXED_QUERY_PARAMETERS',
      });
    }
    if (this.#unbound !== undefined) {
      const name = this.#unbound;
      throw new AnalysisException(
        `Found the unbound parameter: ${name}. Please, fix \`args\` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as \`map()\`, \`array()\`, \`struct()\`.`,
        { errorClass: 'UNBOUND_SQL_PARAMETER', messageParameters: { name } },
      );
    }
  }
}
