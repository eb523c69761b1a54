/**
 * Java's charsets for `encode` / `decode`: UTF-8, US-ASCII, ISO-8859-1 and
 * the UTF-16 family, with Java's replacement behaviour (`?` for an
 * unmappable character when encoding, U+FFFD for a malformed byte when
 * decoding) and Java's UTF-16 (big-endian with a byte-order mark). WHATWG's
 * TextDecoder differs on exactly these (it reads ISO-8859-1 as windows-1252,
 * UTF-16 as little-endian), so they are written out here.
 */
import { ExecutionException } from '../../../errors/index.js';
import { javaUtf8Decode } from '../../../format/java-utf8.js';

type Charset = 'utf-8' | 'us-ascii' | 'iso-8859-1' | 'utf-16' | 'utf-16be' | 'utf-16le';

/** Java's names and common aliases of the supported charsets. */
const ALIASES: Record<string, Charset> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'us-ascii',
  ascii: 'us-ascii',
  'iso-8859-1': 'iso-8859-1',
  iso8859_1: 'iso-8859-1',
  'iso-latin-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'utf-16': 'utf-16',
  utf16: 'utf-16',
  'utf-16be': 'utf-16be',
  'utf-16le': 'utf-16le',
};

function charsetOf(name: string): Charset {
  const cs = ALIASES[name.toLowerCase()];
  if (!cs) {
    throw new ExecutionException(`Unsupported charset: ${name}. sparkless supports UTF-8, US-ASCII, ISO-8859-1, UTF-16, UTF-16BE and UTF-16LE.`, {
      errorClass: 'INVALID_PARAMETER_VALUE.CHARSET',
      messageParameters: { charset: name },
    });
  }
  return cs;
}

const utf8 = new TextEncoder();

function utf16(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (u: number): void => {
    out[o++] = bigEndian ? u >> 8 : u & 0xff;
    out[o++] = bigEndian ? u & 0xff : u >> 8;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

/** `encode(str, charset)`. */
export function encodeCharset(s: string, charset: string): Uint8Array {
  switch (charsetOf(charset)) {
    case 'utf-8':
      return utf8.encode(s);
    case 'us-ascii':
    case 'iso-8859-1': {
      const max = charsetOf(charset) === 'us-ascii' ? 0x7f : 0xff;
      return Uint8Array.from(Array.from(s, (ch) => {
        const cp = ch.codePointAt(0)!;
        return cp <= max ? cp : 0x3f; // '?', Java's replacement byte
      }));
    }
    case 'utf-16':
      return utf16(s, true, true);
    case 'utf-16be':
      return utf16(s, true, false);
    case 'utf-16le':
      return utf16(s, false, false);
  }
}

function fromUtf16(b: Uint8Array, bigEndian: boolean, start: number): string {
  let out = '';
  for (let i = start; i + 1 < b.length; i += 2) out += String.fromCharCode(bigEndian ? (b[i]! << 8) | b[i + 1]! : b[i]! | (b[i + 1]! << 8));
  return b.length - start > 0 && (b.length - start) % 2 === 1 ? `${out}\uFFFD` : out;
}

/** `decode(bin, charset)`. */
export function decodeCharset(b: Uint8Array, charset: string): string {
  switch (charsetOf(charset)) {
    case 'utf-8':
      return javaUtf8Decode(b);
    case 'us-ascii':
      return Array.from(b, (x) => (x <= 0x7f ? String.fromCharCode(x) : '\uFFFD')).join('');
    case 'iso-8859-1':
      return Array.from(b, (x) => String.fromCharCode(x)).join('');
    case 'utf-16': {
      // Java: a byte-order mark picks the order (and is dropped); big-endian without one.
      if (b[0] === 0xff && b[1] === 0xfe) return fromUtf16(b, false, 2);
      return fromUtf16(b, true, b[0] === 0xfe && b[1] === 0xff ? 2 : 0);
    }
    case 'utf-16be':
      return fromUtf16(b, true, 0);
    case 'utf-16le':
      return fromUtf16(b, false, 0);
  }
}
