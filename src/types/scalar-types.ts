// The non-parameterised atomic types (null, string, binary, boolean, dates and timestamps, integers, floats) and DecimalType.
import { AtomicType, DataType, FractionalType, IntegralType } from './data-type.js';

export class NullType extends DataType {
  declare private readonly __NullType: void;
  typeName(): string {
    return 'void';
  }
  override simpleString(): string {
    return 'void';
  }
}

export class StringType extends AtomicType {
  declare private readonly __StringType: void;
  typeName(): string {
    return 'string';
  }
}

export class BinaryType extends AtomicType {
  declare private readonly __BinaryType: void;
  typeName(): string {
    return 'binary';
  }
}

export class BooleanType extends AtomicType {
  declare private readonly __BooleanType: void;
  typeName(): string {
    return 'boolean';
  }
}

export class DateType extends AtomicType {
  declare private readonly __DateType: void;
  typeName(): string {
    return 'date';
  }
}

export class TimestampType extends AtomicType {
  declare private readonly __TimestampType: void;
  typeName(): string {
    return 'timestamp';
  }
}

export class TimestampNTZType extends AtomicType {
  declare private readonly __TimestampNTZType: void;
  typeName(): string {
    return 'timestamp_ntz';
  }
}

export class ByteType extends IntegralType {
  declare private readonly __ByteType: void;
  typeName(): string {
    return 'byte';
  }
  override simpleString(): string {
    return 'tinyint';
  }
}

export class ShortType extends IntegralType {
  declare private readonly __ShortType: void;
  typeName(): string {
    return 'short';
  }
  override simpleString(): string {
    return 'smallint';
  }
}

export class IntegerType extends IntegralType {
  declare private readonly __IntegerType: void;
  typeName(): string {
    return 'integer';
  }
  override simpleString(): string {
    return 'int';
  }
}

export class LongType extends IntegralType {
  declare private readonly __LongType: void;
  typeName(): string {
    return 'long';
  }
  override simpleString(): string {
    return 'bigint';
  }
}

export class FloatType extends FractionalType {
  declare private readonly __FloatType: void;
  typeName(): string {
    return 'float';
  }
}

export class DoubleType extends FractionalType {
  declare private readonly __DoubleType: void;
  typeName(): string {
    return 'double';
  }
}

export class DecimalType extends FractionalType {
  declare private readonly __DecimalType: void;
  static readonly MAX_PRECISION = 38;
  static readonly MAX_SCALE = 38;
  constructor(
    readonly precision: number = 10,
    readonly scale: number = 0,
  ) {
    super();
  }
  typeName(): string {
    return `decimal(${this.precision},${this.scale})`;
  }
  override toString(): string {
    return `DecimalType(${this.precision},${this.scale})`;
  }
}
