import { AnalysisException } from './exceptions.js';
import { closestNames } from './suggest.js';

const quote = (name: string): string => '`' + name.replace(/`/g, '``') + '`';

/** Spark's UNRESOLVED_COLUMN error, with up to five suggestions ordered by similarity. */
export function unresolvedColumn(name: string, candidates: readonly string[]): AnalysisException {
  if (candidates.length === 0) {
    return new AnalysisException(
      `A column or function parameter with name ${quote(name)} cannot be resolved. `,
      { errorClass: 'UNRESOLVED_COLUMN.WITHOUT_SUGGESTION', messageParameters: { objectName: quote(name) } },
    );
  }
  const proposal = closestNames(name, candidates).map(quote).join(', ');
  return new AnalysisException(
    `A column or function parameter with name ${quote(name)} cannot be resolved. Did you mean one of the following? [${proposal}].`,
    {
      errorClass: 'UNRESOLVED_COLUMN.WITH_SUGGESTION',
      messageParameters: { objectName: quote(name), proposal },
    },
  );
}

/** Spark's AMBIGUOUS_REFERENCE error. */
export function ambiguousReference(name: string, matches: readonly string[]): AnalysisException {
  const list = matches.map(quote).join(', ');
  return new AnalysisException(`Reference ${quote(name)} is ambiguous, could be: [${list}].`, {
    errorClass: 'AMBIGUOUS_REFERENCE',
    messageParameters: { name: quote(name), referenceNames: `[${list}]` },
  });
}

/**
 * Spark's WRONG_NUM_ARGS.WITHOUT_SUGGESTION: `expected` as Spark writes it (`1`, `[1, 2]`,
 * `> 0`, `2n (n > 0)`); the message ends with Spark's pointer to its function reference.
 */
export function wrongNumArgs(functionName: string, expected: string, actual: number): AnalysisException {
  return new AnalysisException(
    `The ${quote(functionName)} requires ${expected} parameters but the actual number is ${actual}. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.`,
    {
      errorClass: 'WRONG_NUM_ARGS.WITHOUT_SUGGESTION',
      messageParameters: { functionName: quote(functionName), expectedNum: expected, actualNum: String(actual), docroot: 'https://spark.apache.org/docs/latest' },
    },
  );
}
