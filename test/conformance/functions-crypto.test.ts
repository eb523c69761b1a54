/**
 * xxhash64 (Spark's XXH64, seed 42) and aes_encrypt / aes_decrypt /
 * try_aes_decrypt: bit-identical hashes and ciphertexts Spark 3.5.7 produces
 * (fixed IVs) and decrypts, with its names, types and errors.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { lit, expr } = F;

forEachBackend('xxhash64 and AES', (session) => {
  const schemaOf = (df: { schema: { fields: readonly { name: string; dataType: { simpleString(): string }; nullable: boolean }[] } }) =>
    df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);

  it("xxhash64 is Spark's XXH64 over every type", () => {
    const df = session().sql(
      `SELECT xxhash64(1) a, xxhash64(1L) b, xxhash64('abc') c, xxhash64(NULL) d, xxhash64(1, 'a') e, xxhash64(1.5d) f, xxhash64(array(1,2)) g,
        xxhash64('') i, xxhash64(repeat('x', 100)) j, xxhash64(date'2020-01-01') k, xxhash64(CAST(1.5 AS DECIMAL(10,2))) l, xxhash64(1.5f) m,
        xxhash64(X'0102') o, xxhash64(named_struct('a', 1)) q, xxhash64(CAST(1.5 AS DECIMAL(30,2))) r, xxhash64(-0.0d) s, xxhash64(repeat('é', 17)) u`,
    );
    expect(schemaOf(df)[0]).toBe('a:bigint:false');
    expect(df.first()!.toArray()).toEqual([
      -6698625589789238999n, -7001672635703045582n, 1423657621850124518n, 42, 8205864924878002737n, 7738255526519901366n, -8133857028838179022n,
      -7444071767201028348n, 365730103971579591n, 2299834470729022467n, -6873856301616164681n, 6163473420726370430n,
      -449066226287847073n, -6698625589789238999n, -194698251525976593n, -5252525462095825812n, -5895297371187211226n,
    ]);
    const api = session().createDataFrame([{ x: 1, s: 'a' }], 'x INT, s STRING').select(F.xxhash64('x', 's'));
    expect(api.columns).toEqual(['xxhash64(x, s)']);
    expect(api.first()!.get(0)).toBe(8205864924878002737n);
    expect(() => analyzed(session().sql("SELECT xxhash64(map('a', 1))"))).toThrow('cannot contain elements of the "MAP" type');
  });

  it('aes_encrypt with a fixed IV gives the bytes Spark gives, in each mode', () => {
    const df = session().sql(
      `SELECT base64(aes_encrypt('Spark', '0000111122223333', 'ECB')) ecb,
        base64(aes_encrypt('Spark', 'abcdefghijklmnop12345678ABCDEFGH', 'GCM', 'DEFAULT', unhex('000000000000000000000000'), 'This is an AAD mixed into the input')) gcm,
        base64(aes_encrypt('Spark SQL', '1234567890abcdef', 'CBC', 'DEFAULT', unhex('00000000000000000000000000000000'))) cbc`,
    );
    expect(df.first()!.toArray()).toEqual(['NI/zfr3gW3iAujOQaPvaXg==', 'AAAAAAAAAAAAAAAAQiYi+sTLm7KD9UcZ2nlRdYDe/PX4', 'AAAAAAAAAAAAAAAAAAAAAN5ZsLvjMNB934uTQ73LvZY=']);
  });

  it("aes_decrypt reads Spark's ciphertexts and its own random-IV output", () => {
    const df = session()
      .createDataFrame([{ s: 'Spark SQL', k: '0000111122223333' }], 's STRING, k STRING')
      .select(
        F.aes_decrypt(F.unbase64(lit('AAAAAAAAAAAAAAAAQiYi+sTLm7KD9UcZ2nlRdYDe/PX4')), lit('abcdefghijklmnop12345678ABCDEFGH'), lit('GCM'), lit('DEFAULT'), lit('This is an AAD mixed into the input')).cast('string').alias('gcm'),
        F.aes_decrypt(F.unbase64(lit('AAAAAAAAAAAAAAAAAAAAAN5ZsLvjMNB934uTQ73LvZY=')), lit('1234567890abcdef'), lit('CBC')).cast('string').alias('cbc'),
        F.aes_decrypt(F.aes_encrypt('s', 'k'), 'k').cast('string').alias('roundtrip'),
        F.aes_decrypt(F.aes_encrypt('s', 'k', lit('CBC')), 'k', lit('cbc')).cast('string').alias('cbc2'),
        F.aes_encrypt('s', 'k'),
        F.try_aes_decrypt(lit('nonsense'), 'k'),
      );
    expect(schemaOf(df).slice(4)).toEqual(['aes_encrypt(s, k, GCM, DEFAULT, , ):binary:true', 'try_aes_decrypt(nonsense, k, GCM, DEFAULT, ):binary:true']);
    const r = df.first()!.toArray();
    expect(r.slice(0, 4)).toEqual(['Spark', 'Spark SQL', 'Spark SQL', 'Spark SQL']);
    // A random 12-byte IV, the ciphertext and a 16-byte tag.
    expect((r[4] as Uint8Array).length).toBe(12 + 9 + 16);
    expect(r[5]).toBeNull();
  });

  it("AES errors carry Spark's error classes", () => {
    const run = (sql: string) => () => session().sql(sql).collect();
    expect(run("SELECT aes_encrypt('a', 'short')")).toThrow('expects a binary value with 16, 24 or 32 bytes, but got 5 bytes');
    expect(run("SELECT aes_encrypt('a', '0000111122223333', 'ECB', 'NONE')")).toThrow('AES-ECB with the padding NONE');
    expect(run("SELECT aes_encrypt('a', '0000111122223333', 'ECB', 'DEFAULT', X'00')")).toThrow('does not support initialization vectors (IVs)');
    expect(run("SELECT aes_encrypt('a', '0000111122223333', 'GCM', 'DEFAULT', X'00')")).toThrow('supports 16-byte CBC IVs and 12-byte GCM IVs, but got 1 bytes for GCM');
    expect(run("SELECT aes_decrypt(X'00', '0000111122223333', 'ECB')")).toThrow('Input length must be multiple of 16 when decrypting with padded cipher');
    expect(() => analyzed(session().sql('SELECT aes_encrypt(1, 2)'))).toThrow('Parameter 1 requires the "BINARY" type, however "1" has the type "INT"');
    expect(session().range(1).select(expr("try_aes_decrypt(X'00', '0000111122223333', 'ECB')")).first()!.get(0)).toBeNull();
  });

  it('sha is sha1 (named as written); sha2 is nullable (an unsupported bit length gives NULL)', () => {
    const df = session().sql("SELECT sha('Spark'), sha2('Spark', 256), sha2('Spark', 1)");
    expect(df.schema.fields.map((f) => `${f.name}:${f.nullable}`)).toEqual(['sha(Spark):false', 'sha2(Spark, 256):true', 'sha2(Spark, 1):true']);
    expect(df.first()!.toArray()).toEqual(['85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c', '529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b', null]);
  });

  it('md5/sha1/sha2 hash the bytes of a binary and refuse numbers (BINARY input)', () => {
    const df = session().sql("SELECT md5(X'00FF'), sha1(X'00FF'), sha2(X'00FF', 256)");
    expect(df.first()!.toArray()).toEqual([
      'd07d34efac6328007ad67c7e0a985e00',
      'aa3e5dcdd77b153f2e59bd0d8794fde33cb4e486',
      '06eb7d6a69ee19e5fbdf749018d3d2abfa04bcbd1365db312eb86dc7169389b8',
    ]);
    expect(() => session().sql('SELECT md5(123)')).toThrow(expect.objectContaining({ errorClass: 'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE' }));
  });
});
