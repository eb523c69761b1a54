/**
 * Spark's AES functions on Node's crypto: AES-GCM (default; 12-byte IV,
 * 16-byte tag, output IV ‖ ciphertext ‖ tag), AES-CBC (PKCS#5, 16-byte IV,
 * output IV ‖ ciphertext) and AES-ECB (PKCS#5, no IV). An empty IV means a
 * random one. Errors carry Spark's error classes and Java's messages.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ExecutionException, IllegalArgumentException } from '../../../errors/index.js';

type Mode = 'GCM' | 'CBC' | 'ECB';

const PARAMS = '`aes_encrypt`/`aes_decrypt`';

function invalid(sub: string, params: string, detail: string): ExecutionException {
  return new ExecutionException(`The value of parameter(s) ${params} in ${PARAMS} is invalid: ${detail}.`, {
    errorClass: `INVALID_PARAMETER_VALUE.${sub}`,
    messageParameters: { parameter: params, functionName: PARAMS },
  });
}

function unsupported(sub: string, detail: string): ExecutionException {
  return new ExecutionException(`The feature is not supported: ${detail}.`, { errorClass: `UNSUPPORTED_FEATURE.${sub}` });
}

/** The mode after Spark's checks of mode and padding (case-insensitive). */
function checkMode(mode: string, padding: string, key: Uint8Array): Mode {
  if (![16, 24, 32].includes(key.length)) {
    throw invalid('AES_KEY_LENGTH', '`key`', `expects a binary value with 16, 24 or 32 bytes, but got ${key.length} bytes`);
  }
  const m = mode.toUpperCase();
  const p = padding.toUpperCase();
  const ok = (m === 'GCM' && (p === 'NONE' || p === 'DEFAULT')) || ((m === 'CBC' || m === 'ECB') && (p === 'PKCS' || p === 'DEFAULT'));
  if (!ok) {
    throw unsupported('AES_MODE', `AES-${mode} with the padding ${padding} by the ${PARAMS} function`);
  }
  return m as Mode;
}

const algorithm = (mode: Mode, key: Uint8Array): string => `aes-${key.length * 8}-${mode.toLowerCase()}`;

export function aesEncrypt(input: Uint8Array, key: Uint8Array, mode: string, padding: string, iv: Uint8Array, aad: Uint8Array): Uint8Array {
  const m = checkMode(mode, padding, key);
  if (m === 'ECB' && iv.length > 0) throw unsupported('AES_MODE_IV', `\`aes_encrypt\` with AES-${mode} does not support initialization vectors (IVs)`);
  if (m !== 'GCM' && aad.length > 0) throw unsupported('AES_MODE_AAD', `\`aes_encrypt\` with AES-${mode} does not support additional authenticate data (AAD)`);
  const ivLength = m === 'GCM' ? 12 : m === 'CBC' ? 16 : 0;
  if (iv.length > 0 && iv.length !== ivLength) {
    throw invalid('AES_IV_LENGTH', '`iv`', `supports 16-byte CBC IVs and 12-byte GCM IVs, but got ${iv.length} bytes for ${mode}`);
  }
  const usedIv = ivLength === 0 ? null : iv.length > 0 ? iv : randomBytes(ivLength);
  if (m === 'GCM') {
    const c = createCipheriv(algorithm(m, key) as 'aes-128-gcm', key, usedIv!);
    if (aad.length > 0) c.setAAD(aad);
    const body = Buffer.concat([c.update(input), c.final()]);
    return new Uint8Array(Buffer.concat([usedIv!, body, c.getAuthTag()]));
  }
  const c = createCipheriv(algorithm(m, key), key, usedIv);
  const body = Buffer.concat([c.update(input), c.final()]);
  return new Uint8Array(usedIv ? Buffer.concat([usedIv, body]) : body);
}

const cryptoError = (detail: string): ExecutionException => invalid('AES_CRYPTO_ERROR', '`expr`, `key`', `detail message: ${detail}`);

export function aesDecrypt(input: Uint8Array, key: Uint8Array, mode: string, padding: string, aad: Uint8Array): Uint8Array {
  const m = checkMode(mode, padding, key);
  if (m !== 'GCM' && aad.length > 0) throw unsupported('AES_MODE_AAD', `\`aes_decrypt\` with AES-${mode} does not support additional authenticate data (AAD)`);
  const buf = Buffer.from(input);
  if (m === 'GCM') {
    // Java's GCMParameterSpec refuses an input too short to hold the IV.
    if (buf.length < 12) throw new IllegalArgumentException('Invalid buffer arguments');
    if (buf.length < 28) throw cryptoError('Tag mismatch');
    const d = createDecipheriv(algorithm(m, key) as 'aes-128-gcm', key, buf.subarray(0, 12));
    if (aad.length > 0) d.setAAD(aad);
    d.setAuthTag(buf.subarray(buf.length - 16));
    try {
      return new Uint8Array(Buffer.concat([d.update(buf.subarray(12, buf.length - 16)), d.final()]));
    } catch {
      throw cryptoError('Tag mismatch');
    }
  }
  const ivLength = m === 'CBC' ? 16 : 0;
  const body = buf.subarray(ivLength);
  if (m === 'CBC' && buf.length < 16) throw cryptoError('Wrong IV length: must be 16 bytes long');
  if (body.length % 16 !== 0) throw cryptoError('Input length must be multiple of 16 when decrypting with padded cipher');
  const d = createDecipheriv(algorithm(m, key), key, m === 'CBC' ? buf.subarray(0, 16) : null);
  try {
    return new Uint8Array(Buffer.concat([d.update(body), d.final()]));
  } catch {
    throw cryptoError('Given final block not properly padded. Such issues can arise if a bad key is used during decryption.');
  }
}
