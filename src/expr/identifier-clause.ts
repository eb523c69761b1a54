/**
 * A function called through Spark's IDENTIFIER clause (`IDENTIFIER('db.f')(x)`). Spark looks such a
 * name up as a catalog function, so an unknown one is ROUTINE_NOT_FOUND naming the database (the
 * current one when the name has none), not the UNRESOLVED_ROUTINE of a written name. The parse
 * marks the call under a symbol key, so the expression key and its name ignore it.
 */
import { AnalysisException } from '../errors/index.js';
import type { Expr } from './nodes.js';

const IDENTIFIER_CLAUSE = Symbol.for('sparkless.identifierClause');

export function fromIdentifierClause<T extends Expr>(e: T, parts: readonly string[]): T {
  return Object.freeze({ ...e, [IDENTIFIER_CLAUSE]: Object.freeze([...parts]) });
}

/** The name parts of a call written with the IDENTIFIER clause. */
export function identifierClauseParts(e: Expr): readonly string[] | undefined {
  return (e as unknown as Record<symbol, readonly string[] | undefined>)[IDENTIFIER_CLAUSE];
}

/** Spark's ROUTINE_NOT_FOUND for the name `parts`, unqualified names taken in `currentDatabase`. */
export function routineNotFound(parts: readonly string[], currentDatabase: string): AnalysisException {
  const db = parts.length >= 2 ? parts[parts.length - 2]! : currentDatabase;
  const name = [db, parts[parts.length - 1]!].map((p) => `\`${p.replace(/`/g, '``')}\``).join('.');
  return new AnalysisException(
    `The function ${name} cannot be found. Verify the spelling and correctness of the schema and catalog.\n` +
      'If you did not qualify the name with a schema and catalog, verify the current_schema() output, or qualify the name with the correct schema and catalog.\n' +
      'To tolerate the error on drop use DROP FUNCTION IF EXISTS.',
    { errorClass: 'ROUTINE_NOT_FOUND', messageParameters: { routineName: name } },
  );
}
