/**
 * Folding the argument of `IDENTIFIER(...)`: a string literal, a parameter
 * marker (already a literal) or a concatenation of them.
 */
import { AnalysisException } from '../errors/index.js';
import type { Expr } from '../expr/nodes.js';
import { prettySql } from './functions.js';

/** The value of a constant string expression (IDENTIFIER's argument), or Spark's NOT_A_CONSTANT_STRING. */
export function constantString(e: Expr): string {
  const fold = (x: Expr): unknown => {
    if (x.kind === 'Literal') return x.value;
    if (x.kind === 'Alias') return fold(x.child);
    if (x.kind === 'Call' && x.fn === 'concat') {
      const parts = x.args.map(fold);
      return parts.some((v) => v === null) ? null : parts.every((v) => typeof v === 'string') ? parts.join('') : undefined;
    }
    return undefined;
  };
  const v = fold(e);
  const sql = prettySql(e);
  const fail = (sub: string, detail: string): AnalysisException =>
    new AnalysisException(`The expression \`${sql}\` used for the routine or clause IDENTIFIER must be a constant STRING which is NOT NULL.${detail}`, {
      errorClass: `NOT_A_CONSTANT_STRING.${sub}`,
      messageParameters: { expr: sql, name: 'IDENTIFIER' },
    });
  if (v === undefined) throw fail('NOT_CONSTANT', ' To be considered constant the expression must not depend on any columns, contain a subquery, or invoke a non deterministic function such as rand().');
  if (v === null) throw fail('NULL', ' The expression evaluates to NULL.');
  if (typeof v !== 'string') throw fail('WRONG_TYPE', ` The data type of the expression is ${e.kind === 'Literal' ? e.dataType.simpleString().toUpperCase() : 'not STRING'}.`);
  return v;
}
