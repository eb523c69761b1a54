/** Errors shared by the ANSI-mode wrappers (ansi.ts, ansi-datetime.ts). */
import { ArrayIndexOutOfBoundsException } from '../../../errors/runtime-exceptions.js';

const BYPASS = '"spark.sql.ansi.enabled"';

/** INVALID_ARRAY_INDEX(_IN_ELEMENT_AT): element_at, `a[i]` and elt out of range. */
export function invalidArrayIndex(idx: number, size: number, elementAt: boolean): ArrayIndexOutOfBoundsException {
  const alternative = elementAt
    ? 'Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead.'
    : 'Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead.';
  return new ArrayIndexOutOfBoundsException(
    `The index ${idx} is out of bounds. The array has ${size} elements. ${alternative} If necessary set ${BYPASS} to "false" to bypass this error.`,
    {
      errorClass: elementAt ? 'INVALID_ARRAY_INDEX_IN_ELEMENT_AT' : 'INVALID_ARRAY_INDEX',
      messageParameters: { indexValue: String(idx), arraySize: String(size), ansiConfig: BYPASS },
    },
  );
}
