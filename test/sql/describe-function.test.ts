/**
 * The recorded DESCRIBE FUNCTION texts (src/functions/descriptions.json)
 * cover every builtin SHOW FUNCTIONS lists, except sparkless's internal
 * helpers, which Spark does not resolve (its DESCRIBE FUNCTION of them is
 * UNRESOLVED_ROUTINE, as sparkless's). A newly implemented function fails
 * here until scripts/record-function-descriptions.ts is run again.
 */
import { expect, it } from 'vitest';
import descriptions from '../../src/functions/descriptions.json' with { type: 'json' };
import { describedFunctionNames } from '../../src/sql/describe-function.js';
import { sqlAliasNames } from '../../src/sql/functions.js';
import { sqlFunctionNames } from '../../src/sql/show-functions.js';

/** Registry names Spark 3.5.7 has no builtin for (checked: UNRESOLVED_ROUTINE when recording). */
const NOT_SPARK_BUILTINS = [
  'bucket', 'create_map', 'date_add_interval', 'date_add_ym_interval', 'days', 'extractansiintervaldays', 'hours',
  'interval_add', 'interval_divide', 'interval_multiply', 'interval_negate', 'interval_subtract', 'months', 'product',
  'subtract_dates', 'subtract_timestamps', 'time_add', 'timestamp_add_ym_interval', 'udf', 'years', 'merge_sessions',
  'try_eval', 'interval_div', 'interval_abs', 'interval_signum', 'interval_width_bucket', 'interval_to_number',
  'interval_from_number', 'interval_sum', 'interval_try_sum', 'interval_avg', 'interval_try_avg',
  'timestampadd', 'timestampdiff',
];

it('every listed builtin has a recorded description, or is no Spark builtin', () => {
  const described = new Set(describedFunctionNames());
  const missing = [...sqlFunctionNames(), ...sqlAliasNames()].filter((n) => !described.has(n) && !NOT_SPARK_BUILTINS.includes(n));
  expect(missing).toEqual([]);
  expect(descriptions.provenance).toMatch(/^Spark 3\.5\.7's DESCRIBE FUNCTION EXTENDED output/);
});
