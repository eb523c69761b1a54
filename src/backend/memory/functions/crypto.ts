/** xxhash64 and the AES functions (runtime/aes.ts, types/xxhash64.ts). */
import type { Call } from '../../../expr/nodes.js';
import { SparklessError } from '../../../errors/index.js';
import { xxhash64Row } from '../../../types/xxhash64.js';
import { aesDecrypt, aesEncrypt } from '../runtime/aes.js';
import { normLong } from '../runtime/long.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, compiled, scalar } from './util.js';

const xxhash64 = compiled((args: readonly RowFn[], call: Call) => {
  const types = call.args.map((_, i) => argType(call, i));
  return (i) => normLong(xxhash64Row(args.map((a) => a(i)), types));
});

const EMPTY = new Uint8Array(0);
const text = (v: unknown, dflt: string): string => (typeof v === 'string' ? v : dflt);
const bytes = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : EMPTY);

const encrypt = scalar((a) => aesEncrypt(a[0], a[1], text(a[2], 'GCM'), text(a[3], 'DEFAULT'), bytes(a[4]), bytes(a[5])));
const decrypt = scalar((a) => aesDecrypt(a[0], a[1], text(a[2], 'GCM'), text(a[3], 'DEFAULT'), bytes(a[4])));

/** try_aes_decrypt: null where aes_decrypt fails. */
const tryDecrypt = scalar((a) => {
  try {
    return aesDecrypt(a[0], a[1], text(a[2], 'GCM'), text(a[3], 'DEFAULT'), bytes(a[4]));
  } catch (err) {
    if (SparklessError.isSparklessError(err)) return null;
    throw err;
  }
});

export const cryptoImpls: Record<string, FunctionImpl> = {
  xxhash64,
  aes_encrypt: encrypt,
  aes_decrypt: decrypt,
  try_aes_decrypt: tryDecrypt,
};
