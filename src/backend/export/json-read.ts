/**
 * The JSON file source's reader (spark.read.json): records split by line
 * (`lineSep`, default any of \n, \r\n, \r) or one per file (`multiLine`),
 * each the first JSON value of its text (Jackson ignores what follows it),
 * with the parser relaxations of the options (`jsonParseFlags`), the file's
 * `encoding`, and the parse modes of `json-convert.ts`'s converters. A top-level array gives one row
 * per element. A line that is not valid JSON (or not an object) adds `_corrupt_record` holding its
 * text (PERMISSIVE), is dropped (DROPMALFORMED) or fails the read (FAILFAST). Options
 * `allowNonNumericNumbers`, `columnNameOfCorruptRecord`, `dateFormat`, `timestampFormat`,
 * `timestampNTZFormat` and `lineSep` are honoured.
 */
import { ExecutionException, IllegalArgumentException, NotImplementedException } from '../../errors/index.js';
import { makeBatch } from '../../data/batch.js';
import { DataType, StringType, StructField, StructType, STRING } from '../../types/data-types.js';
import { JsonSyntaxError } from '../memory/runtime/json.js';
import { malformedRecord, type TextReadResult } from './csv.js';
import { canonicalize, compatibleJsonType, inferNode, inferOptions } from './json-infer.js';
import { jsonParseFlags, parseJsonWith, type JsonNode, type JsonParseFlags } from './json-parse.js';
import { structConverter } from './json-convert.js';
import { jsonBool, type SourceOptions } from './options.js';
import { TemporalText } from './text-values.js';


/** Decoders for the `encoding` option (Java charset names, any case). */
const DECODERS: Readonly<Record<string, (b: Buffer) => string>> = {
  'utf-8': (b) => b.toString('utf8'),
  'utf8': (b) => b.toString('utf8'),
  'utf-16le': (b) => b.toString('utf16le'),
  'utf-16be': (b) => swapBytes(b).toString('utf16le'),
  // Java's UTF-16 reads a byte order mark, big-endian without one.
  'utf-16': (b) => (b[0] === 0xff && b[1] === 0xfe ? b.subarray(2).toString('utf16le') : swapBytes(b[0] === 0xfe && b[1] === 0xff ? b.subarray(2) : b).toString('utf16le')),
  'iso-8859-1': (b) => b.toString('latin1'),
  'latin1': (b) => b.toString('latin1'),
  'us-ascii': (b) => b.toString('latin1').replace(/[\u0080-\u00ff]/g, '\ufffd'),
};

function swapBytes(b: Buffer): Buffer {
  const out = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
  return out.swap16();
}

/** A JSON file's text in the `encoding` option's charset (UTF-8 by default, a byte order mark dropped). */
function decodeJsonFile(bytes: Buffer, opts: SourceOptions): string {
  const enc = opts.get('encoding');
  const decode = DECODERS[(enc ?? 'utf-8').toLowerCase()];
  if (!decode) throw new NotImplementedException(`JSON reader encoding ${enc}`);
  const text = decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** One input record: parsed objects (several for a top-level array) or the raw text of a corrupt one. */
type JsonRecord = ({ readonly ok: true; readonly rows: readonly JsonNode[] } | { readonly ok: false }) & {
  /** The record's text, as `_corrupt_record` shows it. */
  readonly raw: string;
  /** Index of the text (file) the record came from. */
  readonly file: number;
};

/** Text holding no value: whitespace, or comments when they are allowed (Jackson then yields no row). */
function isBlank(doc: string, flags: JsonParseFlags): boolean {
  const t = flags.comments ? doc.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g, '') : doc;
  return /^[ \t\n\r]*$/.test(t);
}

function records(texts: readonly string[], opts: SourceOptions, flags: JsonParseFlags): JsonRecord[] {
  const multiLine = jsonBool(opts, 'multiLine', false);
  const lineSep = opts.get('lineSep');
  if (lineSep === '') throw new IllegalArgumentException("requirement failed: 'lineSep' cannot be an empty string");
  const out: JsonRecord[] = [];
  const docs: [string, number][] = [];
  texts.forEach((t, file) => {
    if (multiLine) docs.push([t, file]);
    else for (const line of lineSep === undefined ? t.split(/\r?\n|\r/) : t.split(lineSep)) docs.push([line, file]);
  });
  for (const [doc, file] of docs) {
    if (isBlank(doc, flags)) continue;
    let node: JsonNode;
    try {
      node = parseJsonWith(doc, flags);
    } catch (err) {
      if (!(err instanceof JsonSyntaxError)) throw err;
      out.push({ ok: false, raw: doc, file });
      continue;
    }
    if (node.kind === 'object') out.push({ ok: true, rows: [node], raw: doc, file });
    else if (node.kind === 'array' && node.items.every((x) => x.kind === 'object')) out.push({ ok: true, rows: node.items, raw: doc, file });
    else out.push({ ok: false, raw: doc, file });
  }
  return out;
}

/** Spark's FAILFAST error when schema inference meets a malformed record. */
function malformedInInference(): ExecutionException {
  return new ExecutionException('Malformed records are detected in schema inference. Parse Mode: FAILFAST.', {
    errorClass: '_LEGACY_ERROR_TEMP_2165',
    messageParameters: { failFastMode: 'FAILFAST' },
  });
}

/** Spark's JSONOptionsInRead checks: a non-UTF-8 encoding needs `lineSep` unless the files are read whole. */
function checkReadOptions(opts: SourceOptions): void {
  // Spark infers from a random sample of the records; every record is read here.
  const ratio = opts.get('samplingRatio');
  if (ratio !== undefined && Number(ratio) !== 1) throw new NotImplementedException(`JSON reader option samplingRatio=${ratio}`);
  const enc = opts.get('encoding');
  const utf8 = enc === undefined || ['utf-8', 'utf8'].includes(enc.toLowerCase());
  if (!utf8 && !jsonBool(opts, 'multiLine', false) && opts.get('lineSep') === undefined) {
    throw new IllegalArgumentException(`requirement failed: The lineSep option must be specified for the ${enc} encoding`);
  }
}

/** Reads JSON texts (one per file) into a batch of `schema`, or of the inferred schema. */
export function readJsonTexts(texts: readonly string[], schema: StructType | undefined, opts: SourceOptions): TextReadResult {
  const mode = opts.parseMode();
  const corruptColumn = opts.string('columnNameOfCorruptRecord', '_corrupt_record');
  const flags = jsonParseFlags(opts);
  const recs = records(texts, opts, flags);
  if (!schema) {
    const inferOpts = inferOptions(opts, new TemporalText(opts));
    let t: DataType = new StructType();
    for (const r of recs) {
      if (r.ok) for (const row of r.rows) t = compatibleJsonType(t, inferNode(row, inferOpts));
      else if (mode === 'PERMISSIVE') t = compatibleJsonType(t, new StructType([new StructField(corruptColumn, STRING, true)]));
      else if (mode === 'FAILFAST') throw malformedInInference();
    }
    const c = canonicalize(t, jsonBool(opts, 'dropFieldIfAllNull', false));
    schema = c instanceof StructType ? c : new StructType();
  }
  const temporal = new TemporalText(opts);
  const fields = schema.fields;
  const corruptIdx = fields.findIndex((f) => f.name === corruptColumn && f.dataType instanceof StringType);
  const convert = structConverter(schema, temporal, jsonBool(opts, 'allowNonNumericNumbers', true));
  const cols: unknown[][] = fields.map(() => []);
  const rowsPerText: number[] = new Array(texts.length).fill(0);
  let file = 0;
  const push = (row: unknown[]): void => {
    row.forEach((v, c) => cols[c]!.push(v));
    rowsPerText[file]!++;
  };
  for (const r of recs) {
    file = r.file;
    if (!r.ok) {
      if (mode === 'DROPMALFORMED') continue;
      if (mode === 'FAILFAST') throw malformedRecord(r.raw);
      const row: unknown[] = new Array(fields.length).fill(null);
      if (corruptIdx >= 0) row[corruptIdx] = r.raw;
      push(row);
      continue;
    }
    for (const node of r.rows) {
      const bad = { value: false };
      const row = convert(node, bad) as unknown[];
      if (bad.value) {
        if (mode === 'DROPMALFORMED') continue;
        if (mode === 'FAILFAST') throw malformedRecord(r.raw);
        if (corruptIdx >= 0) row[corruptIdx] = r.raw;
      }
      push(row);
    }
  }
  return { batch: makeBatch(schema, cols), rowsPerText };
}


/** Reads JSON files (their bytes, decompressed) after Spark's option checks. */
export function readJsonFiles(contents: readonly Buffer[], schema: StructType | undefined, opts: SourceOptions): TextReadResult {
  checkReadOptions(opts);
  return readJsonTexts(contents.map((b) => decodeJsonFile(b, opts)), schema, opts);
}
