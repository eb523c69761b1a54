import { AnalysisException } from './exceptions.js';
import { editDistance } from './suggest.js';

const quote = (name: string): string => '`' + name.replace(/`/g, '``') + '`';

/** A multi-part name as Spark prints it: each part quoted (`t`.`col`). */
const quoteParts = (parts: string | readonly string[]): string => (typeof parts === 'string' ? quote(parts) : parts.map(quote).join('.'));

/**
 * Spark's suggestions for an unresolved name (its parts): the input columns' qualified names,
 * shown bare when the name has one part and all of them share one qualifier, with the last
 * qualifier part for a two-part name, fully qualified otherwise; ordered by the edit distance
 * between the name and each quoted suggestion (unqualified ones after qualified ones), at most five.
 */
function suggestions(nameParts: readonly string[], candidates: readonly (string | readonly string[])[]): string[] {
  const full = candidates.map((c) => (typeof c === 'string' ? [c] : c));
  const prefixes = new Set(full.map((c) => c.slice(0, -1).join('.')));
  const shown =
    nameParts.length === 1 && prefixes.size === 1
      ? full.map((c) => c.slice(-1))
      : nameParts.length === 2
        ? full.map((c) => c.slice(-2))
        : full;
  // Among qualified suggestions an unqualified column comes last (as Spark 3.5.7 lists them).
  const base = nameParts.join('.');
  const qualified = shown.filter((c) => c.length > 1).map(quoteParts);
  const bare = shown.filter((c) => c.length === 1).map(quoteParts);
  // Spark keeps a column reached twice (the same table joined with itself) twice.
  const byDistance = (names: string[]): string[] =>
    names
      .map((c, i) => ({ c, i, d: editDistance(base.toLowerCase(), c.toLowerCase()) }))
      .sort((x, y) => x.d - y.d || x.i - y.i)
      .map((x) => x.c);
  return [...byDistance(qualified), ...byDistance(bare)].slice(0, 5);
}

/**
 * Spark's UNRESOLVED_COLUMN error, with up to five suggestions ordered by similarity. `name` is the
 * reference's parts (a string is one part); a candidate is a column's qualifier parts and name.
 */
export function unresolvedColumn(name: string | readonly string[], candidates: readonly (string | readonly string[])[]): AnalysisException {
  const objectName = quoteParts(name);
  if (candidates.length === 0) {
    return new AnalysisException(
      `A column or function parameter with name ${objectName} cannot be resolved. `,
      { errorClass: 'UNRESOLVED_COLUMN.WITHOUT_SUGGESTION', messageParameters: { objectName } },
    );
  }
  const proposal = suggestions(typeof name === 'string' ? [name] : name, candidates).join(', ');
  return new AnalysisException(
    `A column or function parameter with name ${objectName} cannot be resolved. Did you mean one of the following? [${proposal}].`,
    {
      errorClass: 'UNRESOLVED_COLUMN.WITH_SUGGESTION',
      messageParameters: { objectName, proposal },
    },
  );
}

/** Spark's AMBIGUOUS_REFERENCE error: the reference's parts and each match's qualified parts. */
export function ambiguousReference(name: string | readonly string[], matches: readonly (string | readonly string[])[]): AnalysisException {
  // Spark lists the matches sorted.
  const list = matches.map(quoteParts).sort().join(', ');
  return new AnalysisException(`Reference ${quoteParts(name)} is ambiguous, could be: [${list}].`, {
    errorClass: 'AMBIGUOUS_REFERENCE',
    messageParameters: { name: quoteParts(name), referenceNames: `[${list}]` },
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
