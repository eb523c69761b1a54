/** Date and timestamp functions (session time zone applies to timestamps). */
import { DATE, DOUBLE, INT, LONG, STRING, TIMESTAMP, BOOLEAN } from '../../types/data-types.js';
import { fn, patternNullUnlessAnsi } from '../define.js';
import type { FunctionDef } from '../registry.js';

const datePart = (name: string): FunctionDef => fn(name, { inputs: [DATE], returns: INT, nullIntolerant: true });
const timePart = (name: string): FunctionDef => fn(name, { inputs: [TIMESTAMP], returns: INT, nullIntolerant: true });

export const datetimeDefs: readonly FunctionDef[] = [
  fn('current_date', { returns: DATE, nullable: false, nondeterministic: true }),
  fn('current_timestamp', { returns: TIMESTAMP, nullable: false, nondeterministic: true }),
  /** to_date(x) / to_date(x, format): unparseable text gives null (non-ANSI). */
  fn('to_date', { inputs: ['any', 'string'], min: 1, returns: DATE, nullable: patternNullUnlessAnsi }),
  fn('to_timestamp', { inputs: ['any', 'string'], min: 1, returns: TIMESTAMP, nullable: patternNullUnlessAnsi }),
  fn('date_format', { inputs: [TIMESTAMP, 'string'], returns: STRING, nullIntolerant: true }),
  datePart('year'),
  datePart('quarter'),
  datePart('month'),
  datePart('dayofmonth'),
  datePart('dayofweek'),
  datePart('dayofyear'),
  datePart('weekofyear'),
  timePart('hour'),
  timePart('minute'),
  timePart('second'),
  fn('date_add', { inputs: [DATE, 'int_or_narrower'], returns: DATE, nullIntolerant: true }),
  fn('date_sub', { inputs: [DATE, 'int_or_narrower'], returns: DATE, nullIntolerant: true }),
  fn('add_months', { inputs: [DATE, INT], returns: DATE, nullIntolerant: true }),
  fn('datediff', { inputs: [DATE, DATE], returns: INT, nullIntolerant: true }),
  fn('months_between', { inputs: [TIMESTAMP, TIMESTAMP, BOOLEAN], min: 3, returns: DOUBLE, nullIntolerant: true }),
  fn('last_day', { inputs: [DATE], returns: DATE, nullIntolerant: true }),
  fn('trunc', { inputs: [DATE, 'string'], returns: DATE, nullIntolerant: true }),
  fn('date_trunc', { inputs: ['string', TIMESTAMP], returns: TIMESTAMP, nullIntolerant: true }),
  fn('unix_timestamp', { inputs: ['string_or_datetime', 'string'], min: 2, returns: LONG, nullable: patternNullUnlessAnsi }),
  // nullable whatever its inputs: a value the pattern cannot format gives NULL (FromUnixTime.nullable)
  fn('from_unixtime', { inputs: [LONG, 'string'], min: 2, returns: STRING, nullIntolerant: true, nullable: true }),
  fn('timestamp_seconds', { inputs: ['numeric'], returns: TIMESTAMP, nullIntolerant: true }),
  fn('from_utc_timestamp', { inputs: [TIMESTAMP, 'string'], returns: TIMESTAMP, nullIntolerant: true }),
  fn('to_utc_timestamp', { inputs: [TIMESTAMP, 'string'], returns: TIMESTAMP, nullIntolerant: true }),
];
