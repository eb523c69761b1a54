/**
 * Spark holds strings as UTF-8, where a lone UTF-16 surrogate cannot exist: a JS string
 * holding one reaches Spark (over Connect, as Arrow or protobuf text) with U+FFFD in its
 * place. Strings entering sparkless (createDataFrame, literals) are made well-formed the
 * same way, so length, comparisons and results agree with Spark on every engine.
 */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

export function wellFormed(s: string): string {
  const w = s as unknown as WellFormedString;
  return w.isWellFormed() ? s : w.toWellFormed();
}
