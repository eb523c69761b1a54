/**
 * UTF-8 bytes to a string as JDK 17's `new String(bytes, UTF_8)` reads them, which is how Spark
 * turns a UTF8String holding arbitrary bytes (a BINARY cast to STRING, `decode(b, 'UTF-8')`)
 * into text. Malformed bytes become U+FFFD as WHATWG's TextDecoder makes them (one per maximal
 * invalid subpart), except for an encoded surrogate (ED A0..BF ..): Java replaces the whole
 * sequence, or the lead and its one continuation byte when the third byte is missing or is not
 * a continuation, by a single U+FFFD where TextDecoder gives one per byte.
 */
const decoder = new TextDecoder('utf-8');

const isContinuation = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

export function javaUtf8Decode(bytes: Uint8Array): string {
  let out = '';
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xed || bytes[i + 1]! < 0xa0 || bytes[i + 1]! > 0xbf) continue;
    // ED A0..BF is the start of an encoded surrogate: a complete sequence takes three bytes.
    out += decoder.decode(bytes.subarray(start, i)) + '\uFFFD';
    start = i + (isContinuation(bytes[i + 2]) ? 3 : 2);
    i = start - 1;
  }
  return start === 0 ? decoder.decode(bytes) : out + decoder.decode(bytes.subarray(start));
}
