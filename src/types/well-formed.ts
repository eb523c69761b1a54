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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A string made inside Spark's JVM (e.g. Jackson decoding a `\ud800` JSON escape) becomes
 * UTF-8 through Java's encoder, which writes `?` for a lone surrogate (Spark 3.5.7's JSON
 * reader returns "a?" for "a\ud800").
 */
export function javaUtf8(s: string): string {
  return (s as unknown as WellFormedString).isWellFormed() ? s : s.replace(LONE_SURROGATE, '?');
}
