/**
 * Reading a directory's Parquet part files into one batch. Spark keeps its exact schema in the
 * Parquet footer; Polars cannot write footer metadata, so sparkless keeps it beside the parts in a
 * sidecar file and trusts it wherever it matches a part's physical layout (see arrow-export.ts).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeBatch, type Batch } from '../../data/batch.js';
import { ArrayType, DataType, MapType, StructField, StructType } from '../../types/data-types.js';
import { createExecContext } from '../memory/context.js';
import { castValue, nullSafe } from '../memory/expressions/cast.js';
import { arrowSchemaToSpark, arrowTableToBatch, asNullable } from './arrow-table.js';
import { readParquetArrow, type ParquetEngine } from './parquet.js';

/** Sidecar holding the Spark schema of a Parquet output directory. */
export const PARQUET_SCHEMA_FILE = '_sparkless_schema.json';

/**
 * Reads Parquet parts into one batch: with a given schema, columns by name;
 * otherwise the first file's schema (Spark also reads one footer), or with
 * `mergeSchema` the union of all files' columns (first-seen order).
 */
export function readParquetFiles(
  files: readonly string[],
  userSchema: StructType | undefined,
  perFile: number[],
  mergeSchema: boolean,
  engine: ParquetEngine,
): Batch {
  const sidecars = new Map<string, StructType | undefined>();
  const sidecarFor = (file: string): StructType | undefined => {
    // The sidecar sits in the output directory: the file's own, or above its partition directories.
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      if (!sidecars.has(dir)) sidecars.set(dir, readSidecar(dir));
      const s = sidecars.get(dir);
      if (s || !basename(dir).includes('=') || dirname(dir) === dir) return s;
    }
  };
  const parts: Batch[] = [];
  for (const file of files) {
    const table = readParquetArrow(file, engine);
    const physical = arrowSchemaToSpark(table.schema);
    const stored = sidecarFor(file);
    let fileSchema = stored && sameLayout(stored, physical) ? (asNullable(stored) as StructType) : physical;
    if (userSchema) {
      // Read a column directly as the requested type when the file's layout holds it (a map stored as entries).
      fileSchema = new StructType(
        fileSchema.fields.map((f) => {
          const want = userSchema.fields.find((u) => u.name.toLowerCase() === f.name.toLowerCase());
          return want && sameLayout(want.dataType, physical.field(f.name)!.dataType) ? new StructField(f.name, want.dataType, true) : f;
        }),
      );
    }
    const b = arrowTableToBatch(table, fileSchema);
    parts.push(userSchema ? projectByName(b, userSchema) : b);
    perFile.push(b.numRows);
  }
  if (parts.length === 0) return makeBatch(userSchema ?? new StructType(), (userSchema?.fields ?? []).map(() => []));
  const schema = userSchema ?? (mergeSchema ? mergedSchema(parts.map((p) => p.schema)) : parts[0]!.schema);
  const aligned = userSchema ? parts : parts.map((p) => projectByName(p, schema));
  return makeBatch(
    schema,
    schema.fields.map((_, i) => aligned.flatMap((p) => p.columns[i] as unknown[])),
  );
}

/** The union of schemas by (case-insensitive) name; the first type seen for a name wins. */
function mergedSchema(schemas: readonly StructType[]): StructType {
  const fields: StructField[] = [];
  const seen = new Set<string>();
  for (const s of schemas) {
    for (const f of s.fields) {
      if (seen.has(f.name.toLowerCase())) continue;
      seen.add(f.name.toLowerCase());
      fields.push(f);
    }
  }
  return new StructType(fields);
}

function readSidecar(dir: string): StructType | undefined {
  try {
    return StructType.fromJson(JSON.parse(readFileSync(join(dir, PARQUET_SCHEMA_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}

/** True when `stored` describes data physically laid out as `physical` (maps as list<struct<key,value>>). */
function sameLayout(stored: DataType, physical: DataType): boolean {
  if (stored instanceof StructType) {
    return (
      physical instanceof StructType &&
      stored.fields.length === physical.fields.length &&
      stored.fields.every((f, i) => f.name === physical.fields[i]!.name && sameLayout(f.dataType, physical.fields[i]!.dataType))
    );
  }
  if (stored instanceof ArrayType) return physical instanceof ArrayType && sameLayout(stored.elementType, physical.elementType);
  if (stored instanceof MapType) {
    if (!(physical instanceof ArrayType) || !(physical.elementType instanceof StructType)) return false;
    const [k, v] = physical.elementType.fields;
    return physical.elementType.fields.length === 2 && k!.name === 'key' && v!.name === 'value' && sameLayout(stored.keyType, k!.dataType) && sameLayout(stored.valueType, v!.dataType);
  }
  return stored.typeName() === physical.typeName() || (stored.typeName() === 'void' && physical.typeName() === 'void');
}

/** The batch's columns matched to `schema` by name (case-insensitive); missing → null, types cast. */
function projectByName(b: Batch, schema: StructType): Batch {
  const ctx = createExecContext({ timeZone: 'UTC' });
  const cols = schema.fields.map((f) => {
    let i = b.schema.fields.findIndex((g) => g.name === f.name);
    if (i < 0) i = b.schema.fields.findIndex((g) => g.name.toLowerCase() === f.name.toLowerCase());
    if (i < 0) return new Array(b.numRows).fill(null);
    const from = b.schema.fields[i]!.dataType;
    const col = b.columns[i]!;
    if (from.equals(f.dataType)) return col;
    const conv = nullSafe(castValue(from, f.dataType, ctx));
    return col.map(conv);
  });
  return makeBatch(schema, cols);
}
