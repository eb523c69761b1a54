/**
 * PySpark 3.5 functions sparkless does not implement yet. Each is exported so
 * that a pipeline using one fails with a clear NotImplementedException naming
 * it, instead of an "is not a function" TypeError. Generated from
 * PySpark 3.5.2's function list; delete a name here when implementing it.
 */
import { NotImplementedException } from '../errors/index.js';

const notImplemented =
  (name: string) =>
  (..._args: unknown[]): never => {
    throw new NotImplementedException(`functions.${name}`);
  };

export const input_file_block_length = notImplemented('input_file_block_length');
export const input_file_block_start = notImplemented('input_file_block_start');
export const input_file_name = notImplemented('input_file_name');
export const session_window = notImplemented('session_window');
export const window_time = notImplemented('window_time');
