/** The nested types: ArrayType, MapType, StructField and StructType, with their DDL and PySpark `repr` forms. */
import { cannotParse, describeJson, structFieldFromJson } from './data-type-json.js';
import { DataType } from './data-type.js';

export class ArrayType extends DataType {
  declare private readonly __ArrayType: void;
  constructor(
    readonly elementType: DataType,
    readonly containsNull: boolean = true,
  ) {
    super();
  }
  typeName(): string {
    return 'array';
  }
  override simpleString(): string {
    return `array<${this.elementType.simpleString()}>`;
  }
  override sql(): string {
    return `ARRAY<${this.elementType.sql()}>`;
  }
  override jsonValue(): unknown {
    return { type: 'array', elementType: this.elementType.jsonValue(), containsNull: this.containsNull };
  }
  override toString(): string {
    return `ArrayType(${this.elementType.toString()}, ${pyBool(this.containsNull)})`;
  }
}

export class MapType extends DataType {
  declare private readonly __MapType: void;
  constructor(
    readonly keyType: DataType,
    readonly valueType: DataType,
    readonly valueContainsNull: boolean = true,
  ) {
    super();
  }
  typeName(): string {
    return 'map';
  }
  override simpleString(): string {
    return `map<${this.keyType.simpleString()},${this.valueType.simpleString()}>`;
  }
  override sql(): string {
    return `MAP<${this.keyType.sql()}, ${this.valueType.sql()}>`;
  }
  override jsonValue(): unknown {
    return {
      type: 'map',
      keyType: this.keyType.jsonValue(),
      valueType: this.valueType.jsonValue(),
      valueContainsNull: this.valueContainsNull,
    };
  }
  override toString(): string {
    return `MapType(${this.keyType.toString()}, ${this.valueType.toString()}, ${pyBool(this.valueContainsNull)})`;
  }
}

export class StructField {
  declare private readonly __StructField: void;
  constructor(
    readonly name: string,
    readonly dataType: DataType,
    readonly nullable: boolean = true,
    readonly metadata: Readonly<Record<string, unknown>> = {},
  ) {}

  simpleString(): string {
    return `${this.name}:${this.dataType.simpleString()}`;
  }

  jsonValue(): unknown {
    return { name: this.name, type: this.dataType.jsonValue(), nullable: this.nullable, metadata: this.metadata };
  }

  json(): string {
    return JSON.stringify(this.jsonValue());
  }

  toString(): string {
    return `StructField('${this.name}', ${this.dataType.toString()}, ${pyBool(this.nullable)})`;
  }

  equals(other: StructField): boolean {
    // Field by field, as their JSON texts compare (schemas are compared after every optimizer rewrite).
    return (
      other === this ||
      (other instanceof StructField &&
        this.name === other.name &&
        this.nullable === other.nullable &&
        this.dataType.equals(other.dataType) &&
        (this.metadata === other.metadata || JSON.stringify(this.metadata) === JSON.stringify(other.metadata)))
    );
  }

  withName(name: string): StructField {
    return new StructField(name, this.dataType, this.nullable, this.metadata);
  }

  withNullable(nullable: boolean): StructField {
    return new StructField(this.name, this.dataType, nullable, this.metadata);
  }

  /** The `comment` metadata entry, if any (Spark's `getComment`). */
  getComment(): string | undefined {
    const c = this.metadata['comment'];
    return typeof c === 'string' ? c : undefined;
  }

  /** Spark's `StructField.sql` (used inside `STRUCT<...>`): `` name: TYPE[ COMMENT '...'] ``. */
  sql(): string {
    return `${quoteIfNeeded(this.name)}: ${this.dataType.sql()}${this.ddlComment()}`;
  }

  /** Spark's `StructField.toDDL`: `` name TYPE[ NOT NULL][ COMMENT '...'] ``. */
  toDDL(): string {
    return `${quoteIfNeeded(this.name)} ${this.dataType.sql()}${this.nullable ? '' : ' NOT NULL'}${this.ddlComment()}`;
  }

  private ddlComment(): string {
    const c = this.getComment();
    return c === undefined ? '' : ` COMMENT '${c.replace(/'/g, "\\'")}'`;
  }

  /** Parses one field of Spark's JSON schema form (`nullable` defaults to true, `metadata` to `{}`). */
  static fromJson(json: unknown): StructField {
    return structFieldFromJson(json);
  }
}

export class StructType extends DataType {
  declare private readonly __StructType: void;
  readonly fields: readonly StructField[];

  constructor(fields: readonly StructField[] = []) {
    super();
    this.fields = Object.freeze([...fields]);
  }

  typeName(): string {
    return 'struct';
  }

  override simpleString(): string {
    return `struct<${this.fields.map((f) => f.simpleString()).join(',')}>`;
  }

  override sql(): string {
    return `STRUCT<${this.fields.map((f) => f.sql()).join(', ')}>`;
  }

  /** Spark's `StructType.toDDL`: fields joined by `,`, e.g. `` id INT,`my col` STRING NOT NULL ``. */
  toDDL(): string {
    return this.fields.map((f) => f.toDDL()).join(',');
  }

  /** Parses Spark's JSON schema form; the top level must be a struct. */
  static override fromJson(json: unknown): StructType {
    const t = DataType.fromJson(json);
    if (!(t instanceof StructType)) throw cannotParse(`Could not parse datatype: ${describeJson(json)}`);
    return t;
  }

  override jsonValue(): unknown {
    return { type: 'struct', fields: this.fields.map((f) => f.jsonValue()) };
  }

  override toString(): string {
    return `StructType([${this.fields.map((f) => f.toString()).join(', ')}])`;
  }

  /** Field by field (the same answer as comparing JSON texts, without building them). */
  override equals(other: DataType): boolean {
    if (other === this) return true;
    if (!(other instanceof StructType) || other.fields.length !== this.fields.length) return false;
    return this.fields.every((f, i) => f.equals(other.fields[i]!));
  }

  /** Returns a new StructType with one more field (PySpark's `add`, without mutation). */
  add(field: StructField | string, dataType?: DataType, nullable = true, metadata: Record<string, unknown> = {}): StructType {
    const f = field instanceof StructField ? field : new StructField(field, requireType(dataType), nullable, metadata);
    return new StructType([...this.fields, f]);
  }

  get names(): string[] {
    return this.fields.map((f) => f.name);
  }

  fieldNames(): string[] {
    return this.names;
  }

  get length(): number {
    return this.fields.length;
  }

  /** Field by name (first match, case-sensitive) or by position. */
  field(key: string | number): StructField | undefined {
    return typeof key === 'number' ? this.fields[key] : this.fields.find((f) => f.name === key);
  }

  [Symbol.iterator](): Iterator<StructField> {
    return this.fields[Symbol.iterator]();
  }
}

/** Spark's `QuotingUtils.quoteIfNeeded`: backquote unless the name is a plain identifier. */
export function quoteIfNeeded(name: string): string {
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) ? name : '`' + name.replace(/`/g, '``') + '`';
}

function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

function requireType(t: DataType | undefined): DataType {
  if (!t) throw new TypeError('StructType.add: a data type is required when the field is given by name');
  return t;
}
