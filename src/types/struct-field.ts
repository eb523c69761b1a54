/**
 * `StructField`: one named, typed field of a `StructType` (PySpark's `StructField`).
 * Re-exported by data-types.ts, the import point for all the type classes. It extends
 * no class, so the mutual import with data-types.ts never runs at load time.
 */
import { structFieldFromJson } from './data-type-json.js';
import { pyBool, quoteIfNeeded, type DataType } from './data-types.js';
import { definePublicName } from '../util/public-name.js';

export class StructField {
  static {
    definePublicName(this, 'StructField');
  }

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
