/**
 * The parser of Spark type strings and DDL schemas, after Spark 3.5's
 * `DataTypeAstBuilder` grammar (case-insensitive keywords, backquoted names,
 * optional `:` inside `struct<...>`): `PARSE_SYNTAX_ERROR` with the offending
 * token, `UNSUPPORTED_DATATYPE`, `DATATYPE_MISSING_SIZE`, decimal bounds.
 */
import { charVarcharMetadata } from './char-varchar.js';
import { AnalysisException, ParseException } from '../errors/exceptions.js';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DataType,
  DecimalType,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MapType,
  NULL,
  SHORT,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  CalendarIntervalType,
  DayTimeIntervalType,
  YearMonthIntervalType,
} from './data-types.js';
import { display, parseError, tokenize, type Token } from './ddl-lexer.js';

/** A recursive-descent parser over one text's tokens; each entry point is followed by `expectEof()`. */
export class DdlParser {
  private pos = 0;
  private readonly tokens: Token[];
  /** The first semantic error (an unsupported type, a bad size): Spark's parser reports syntax errors before these. */
  private deferred: unknown;

  /** `keepCharVarchar`: a top-level `char(n)`/`varchar(n)` column keeps its declared type as metadata (table DDL). */
  constructor(
    private readonly src: string,
    private readonly keepCharVarchar = false,
  ) {
    this.tokens = tokenize(src);
  }

  private get cur(): Token {
    return this.tokens[this.pos]!;
  }

  private peek(offset = 1): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private isKeyword(t: Token, kw: string): boolean {
    return t.kind === 'ident' && t.value.toUpperCase() === kw;
  }

  private isPunct(t: Token, p: string): boolean {
    return t.kind === 'punct' && t.value === p;
  }

  /** Syntax error at the current token; `extra input` when skipping it would let parsing continue. */
  private syntaxError(expectedNext?: (t: Token) => boolean): ParseException {
    const t = this.cur;
    const hint = expectedNext && t.kind !== 'eof' && expectedNext(this.peek()) ? `: extra input ${display(t)}` : '';
    return parseError(this.src, t.start, 'PARSE_SYNTAX_ERROR', `Syntax error at or near ${display(t)}${hint}.`, {
      error: display(t),
      hint,
    });
  }

  private expectPunct(p: string): void {
    if (!this.isPunct(this.cur, p)) throw this.syntaxError((n) => this.isPunct(n, p));
    this.pos++;
  }

  private identifier(): string {
    const t = this.cur;
    if (t.kind === 'ident' || t.kind === 'quoted') {
      this.pos++;
      return t.value;
    }
    throw this.syntaxError((n) => n.kind === 'ident' || n.kind === 'quoted');
  }

  expectEof(): void {
    if (this.cur.kind !== 'eof') throw this.syntaxError((n) => n.kind === 'eof');
    if (this.deferred !== undefined) throw this.deferred;
  }

  /** `colTypeList`: `name type [NOT NULL] [COMMENT 'c'] (, ...)*`. */
  colTypeList(): StructType {
    const fields = [this.colType(false)];
    while (this.isPunct(this.cur, ',')) {
      this.pos++;
      fields.push(this.colType(false));
    }
    return new StructType(fields);
  }

  /** One column (`inStruct`: a `struct<...>` member, where `:` may follow the name). */
  private colType(inStruct: boolean): StructField {
    const nameToken = this.cur;
    let name = this.identifier();
    if (nameToken.kind === 'ident' && this.isPunct(this.cur, '-')) {
      // Spark's errorCapturingIdentifier: `a-b` must be backquoted.
      while (this.isPunct(this.cur, '-') && this.peek().kind === 'ident') {
        name += '-' + this.peek().value;
        this.pos += 2;
      }
      throw parseError(this.src, nameToken.start, 'INVALID_IDENTIFIER', `The identifier ${name} is invalid. Please, consider quoting it with back-quotes as \`${name}\`.`, { ident: name });
    }
    if (inStruct && this.isPunct(this.cur, ':')) this.pos++;
    const typeAt = this.pos;
    const dataType = this.dataType();
    const declared = this.keepCharVarchar && !inStruct ? this.declaredCharVarchar(typeAt) : {};
    let nullable = true;
    if (this.isKeyword(this.cur, 'NOT')) {
      this.pos++;
      if (!this.isKeyword(this.cur, 'NULL')) throw this.syntaxError((n) => this.isKeyword(n, 'NULL'));
      this.pos++;
      nullable = false;
    }
    let metadata: Record<string, unknown> = {};
    if (this.isKeyword(this.cur, 'COMMENT')) {
      this.pos++;
      const t = this.cur;
      if (t.kind !== 'string') throw this.syntaxError((n) => n.kind === 'string');
      this.pos++;
      metadata = { comment: t.value };
    }
    return new StructField(name, dataType, nullable, { ...metadata, ...declared });
  }

  /** The char/varchar metadata when the type read from token `at` was `char(n)`/`character(n)`/`varchar(n)`. */
  private declaredCharVarchar(at: number): Record<string, string> {
    const [t, open, n] = [this.tokens[at]!, this.tokens[at + 1], this.tokens[at + 2]];
    if (t.kind !== 'ident' || !/^(char|character|varchar)$/i.test(t.value)) return {};
    if (open?.kind !== 'punct' || open.value !== '(' || n?.kind !== 'int') return {};
    return charVarcharMetadata(t.value, Number(n.value));
  }

  dataType(): DataType {
    const t = this.cur;
    if (t.kind !== 'ident' && t.kind !== 'quoted') throw this.syntaxError();
    // A backquoted type name keeps its backquotes (Spark reports `INT` as unsupported).
    const name = (t.kind === 'quoted' ? t.text : t.value).toLowerCase();
    if (t.kind === 'ident' && name === 'array' && this.isPunct(this.peek(), '<')) {
      this.pos += 2;
      const element = this.dataType();
      this.expectPunct('>');
      return new ArrayType(element, true);
    }
    if (t.kind === 'ident' && name === 'map' && this.isPunct(this.peek(), '<')) {
      this.pos += 2;
      const key = this.dataType();
      this.expectPunct(',');
      const value = this.dataType();
      this.expectPunct('>');
      return new MapType(key, value, true);
    }
    if (t.kind === 'ident' && name === 'struct' && this.isPunct(this.peek(), '<>')) {
      this.pos += 2;
      return new StructType([]);
    }
    if (t.kind === 'ident' && name === 'struct' && this.isPunct(this.peek(), '<')) {
      this.pos += 2;
      const fields: StructField[] = [];
      if (!this.isPunct(this.cur, '>')) {
        fields.push(this.colType(true));
        while (this.isPunct(this.cur, ',')) {
          this.pos++;
          fields.push(this.colType(true));
        }
      }
      this.expectPunct('>');
      return new StructType(fields);
    }
    if (t.kind === 'ident' && name === 'interval' && this.peek().kind === 'ident' && !this.isKeyword(this.peek(), 'NOT') && !this.isKeyword(this.peek(), 'COMMENT')) {
      return this.intervalType();
    }
    // primitive: identifier [(INTEGER (, INTEGER)*)]
    this.pos++;
    const params: string[] = [];
    if (this.isPunct(this.cur, '(')) {
      this.pos++;
      for (;;) {
        const p = this.cur;
        if (p.kind !== 'int') throw this.syntaxError();
        params.push(p.text);
        this.pos++;
        if (this.isPunct(this.cur, ',')) {
          this.pos++;
          continue;
        }
        break;
      }
      this.expectPunct(')');
    }
    try {
      return primitiveType(this.src, t, name, params);
    } catch (e) {
      // ANTLR parses the whole text before the AST builder rejects a type name.
      this.deferred ??= e;
      return NULL;
    }
  }

  /** `interval <unit> [to <unit>]`: a year-month or day-time interval type. */
  private intervalType(): DataType {
    this.pos++;
    const unit = (): number => {
      const u = this.cur;
      const i = u.kind === 'ident' ? INTERVAL_UNITS.indexOf(u.value.toLowerCase()) : -1;
      if (i < 0) throw this.syntaxError();
      this.pos++;
      return i;
    };
    const start = unit();
    let end = start;
    if (this.cur.kind === 'ident' && this.cur.value.toLowerCase() === 'to') {
      this.pos++;
      end = unit();
    }
    if (start <= 1 && end <= 1 && end >= start) return new YearMonthIntervalType(start, end);
    if (start >= 2 && end >= start) return new DayTimeIntervalType(start - 2, end - 2);
    throw this.syntaxError();
  }
}

const INTERVAL_UNITS = ['year', 'month', 'day', 'hour', 'minute', 'second'];

function primitiveType(src: string, t: Token, name: string, params: readonly string[]): DataType {
  const n = params.length;
  switch (name) {
    case 'boolean': if (n === 0) return BOOLEAN; break;
    case 'tinyint': case 'byte': if (n === 0) return BYTE; break;
    case 'smallint': case 'short': if (n === 0) return SHORT; break;
    case 'int': case 'integer': if (n === 0) return INT; break;
    case 'bigint': case 'long': if (n === 0) return LONG; break;
    case 'float': case 'real': if (n === 0) return FLOAT; break;
    case 'double': if (n === 0) return DOUBLE; break;
    case 'date': if (n === 0) return DATE; break;
    case 'timestamp': case 'timestamp_ltz': if (n === 0) return TIMESTAMP; break;
    case 'timestamp_ntz': if (n === 0) return TIMESTAMP_NTZ; break;
    case 'string': if (n === 0) return STRING; break;
    case 'binary': if (n === 0) return BINARY; break;
    case 'void': if (n === 0) return NULL; break;
    // char(n)/varchar(n): sparkless reads them as plain strings (Spark does the same for DataFrame schemas).
    case 'char': case 'character': case 'varchar':
      if (n === 1) return STRING;
      if (n === 0) {
        const ty = `"${name.toUpperCase()}"`;
        throw parseError(src, t.start, 'DATATYPE_MISSING_SIZE', `DataType ${ty} requires a length parameter, for example ${ty}(10). Please specify the length.`, { type: ty });
      }
      break;
    case 'decimal': case 'dec': case 'numeric':
      if (n <= 2) return makeDecimal(n >= 1 ? Number(params[0]) : 10, n === 2 ? Number(params[1]) : 0);
      break;
    case 'interval':
      if (n === 0) return new CalendarIntervalType();
      break;
    default:
      break;
  }
  const typeName = `"${(n > 0 ? `${name}(${params.join(',')})` : name).toUpperCase()}"`;
  return unsupported(src, t, typeName);
}

function unsupported(src: string, t: Token, typeName: string): never {
  throw parseError(src, t.start, 'UNSUPPORTED_DATATYPE', `Unsupported data type ${typeName}.`, { typeName });
}

function makeDecimal(precision: number, scale: number): DecimalType {
  if (precision > DecimalType.MAX_PRECISION) {
    throw new AnalysisException(`Decimal precision ${precision} exceeds max precision ${DecimalType.MAX_PRECISION}.`, {
      errorClass: 'DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION',
      messageParameters: { precision: String(precision), maxPrecision: String(DecimalType.MAX_PRECISION) },
    });
  }
  if (scale > precision) {
    throw new AnalysisException(`Decimal scale (${scale}) cannot be greater than precision (${precision}).`, {
      errorClass: '_LEGACY_ERROR_TEMP_1228',
      messageParameters: { scale: String(scale), precision: String(precision) },
    });
  }
  return new DecimalType(precision, scale);
}
