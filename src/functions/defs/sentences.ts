/** sentences(str[, language[, country]]): the text split into sentences of words. */
import { ArrayType, STRING } from '../../types/data-types.js';
import { fn } from '../define.js';
import type { FunctionDef } from '../registry.js';

export const sentencesDef: FunctionDef = fn('sentences', {
  inputs: ['string', 'string', 'string'],
  min: 1,
  returns: new ArrayType(new ArrayType(STRING, false), false),
  nullable: true,
  // Spark fills in empty language and country, and shows them in the name.
  sql: (a) => `sentences(${[...a, '', ''].slice(0, 3).join(', ')})`,
});
