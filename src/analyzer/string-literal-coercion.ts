/**
 * Spark's StringLiteralCoercion (non-ANSI mode): `date_add(d, '1')` and `date_sub(d, '1')`
 * read a constant string second argument as an INT once, at analysis. The call then shows
 * the number (`date_add(DATE '2011-11-11', 1)`); a string that is not an integer fails with
 * SECOND_FUNCTION_ARGUMENT_NOT_INTEGER, and a NULL string becomes 0 (Spark unboxes the null).
 * Under ANSI the string is an ordinary implicit cast instead; a non-constant string
 * argument is left for the function's type check to refuse.
 */
import { AnalysisException } from '../errors/index.js';
import { E, typeOf, type Expr } from '../expr/nodes.js';
import { foldedValue } from '../optimizer/rules/constant-folding.js';
import { INT, StringType } from '../types/data-types.js';
import { INT_MAX, INT_MIN, parseJavaIntegral } from '../backend/export/text-values.js';

const FUNCTIONS = new Set(['date_add', 'date_sub']);

/** The arguments with the constant string replaced by its INT literal, or undefined when the rule does not apply. */
export function stringLiteralCoercion(fn: string, args: readonly Expr[], ansi: boolean): Expr[] | undefined {
  if (ansi || !FUNCTIONS.has(fn) || args.length !== 2 || !(typeOf(args[1]!) instanceof StringType)) return undefined;
  const folded = foldedValue(args[1]!);
  if (!folded) return undefined;
  // UTF8String.toIntExact: trimmed, then an optional sign and digits within INT's range
  const days = folded.value === null ? 0 : parseJavaIntegral(String(folded.value).trim(), INT_MIN, INT_MAX);
  if (days === undefined) {
    throw new AnalysisException(`The second argument of ${fn} function needs to be an integer.`, {
      errorClass: 'SECOND_FUNCTION_ARGUMENT_NOT_INTEGER',
      messageParameters: { functionName: fn },
    });
  }
  return [args[0]!, E.lit(Number(days), INT)];
}
