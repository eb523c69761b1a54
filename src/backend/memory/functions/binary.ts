/**
 * to_binary / try_to_binary: text to bytes in the format `fmt` names (hex by
 * default, utf-8, base64). Malformed text is an error for to_binary and null
 * for try_to_binary; so is an unknown format for try_to_binary (to_binary
 * rejects it during analysis).
 */
import { ExecutionException } from '../../../errors/index.js';
import type { Call } from '../../../expr/nodes.js';
import type { FunctionImpl, RowFn } from './types.js';
import { compiled, isNullish } from './util.js';

const encoder = new TextEncoder();
const HEX = /^[0-9a-fA-F]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function fromHex(s: string): Uint8Array | undefined {
  if (!HEX.test(s)) return undefined;
  const even = s.length % 2 === 1 ? `0${s}` : s;
  const out = new Uint8Array(even.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(even.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function fromBase64(s: string): Uint8Array | undefined {
  const compact = s.replace(/\s+/g, '');
  return BASE64.test(compact) ? Uint8Array.from(Buffer.from(compact, 'base64')) : undefined;
}

/** The format argument: a string literal (checked by the definition), hex when absent. */
export function binaryFormat(call: Call): string | null {
  const f = call.args[1];
  if (!f) return 'hex';
  return f.kind === 'Literal' && typeof f.value === 'string' ? f.value.toLowerCase() : null;
}

function toBinary(tolerant: boolean): FunctionImpl {
  return compiled((args: readonly RowFn[], call: Call) => {
    const fmt = binaryFormat(call);
    const convert = fmt === 'hex' ? fromHex : fmt === 'utf-8' || fmt === 'utf8' ? (s: string) => encoder.encode(s) : fmt === 'base64' ? fromBase64 : undefined;
    return (i) => {
      const v = args[0]!(i);
      if (isNullish(v) || !convert) return null;
      const out = convert(v as string);
      if (out !== undefined || tolerant) return out ?? null;
      throw new ExecutionException(
        `The value '${String(v)}' ('${fmt!.toUpperCase()}') cannot be converted to "BINARY" because it is malformed. Correct the value as per the syntax, or change its format. Use \`try_to_binary\` to tolerate malformed input and return NULL instead.`,
        { errorClass: 'CONVERSION_INVALID_INPUT', messageParameters: { str: `'${String(v)}'`, fmt: `'${fmt!.toUpperCase()}'`, targetType: '"BINARY"' } },
      );
    };
  });
}

export const binaryImpls: Record<string, FunctionImpl> = {
  to_binary: toBinary(false),
  try_to_binary: toBinary(true),
};
