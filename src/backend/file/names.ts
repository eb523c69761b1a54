/**
 * Database and table names → directory names under the base path.
 *
 * `my_table` stays; anything outside `[a-z0-9_-]` is %-encoded, so a name
 * never escapes its directory (`..` is `%2E%2E`). Names that cannot be a
 * directory (empty, or longer than the file system allows once encoded) are
 * rejected with Spark's INVALID_SCHEMA_OR_RELATION_NAME before any I/O.
 */
import { AnalysisException } from '../../errors/index.js';

/**
 * Longest encoded name: 255 bytes (the usual NAME_MAX) minus what a temp
 * name adds around it (`.<name>.<uuid>.tmp`, 42 bytes), with some margin.
 */
export const MAX_ENCODED_NAME_BYTES = 200;

export function encodeName(name: string): string {
  if (name.length === 0) throw invalidName(name, 'it is empty');
  const encoded = [...name.toLowerCase()]
    .map((ch) => (/^[a-z0-9_-]$/.test(ch) ? ch : [...Buffer.from(ch, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('')))
    .join('');
  if (encoded.length > MAX_ENCODED_NAME_BYTES) throw invalidName(name, `its directory name would be ${encoded.length} bytes (at most ${MAX_ENCODED_NAME_BYTES})`);
  return encoded;
}

export function decodeName(encoded: string): string {
  return decodeURIComponent(encoded);
}

function invalidName(name: string, why: string): AnalysisException {
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return new AnalysisException(`\`${shown}\` is not a valid name for tables/schemas of the file backend: ${why}.`, {
    errorClass: 'INVALID_SCHEMA_OR_RELATION_NAME',
    messageParameters: { name: `\`${shown}\`` },
  });
}
