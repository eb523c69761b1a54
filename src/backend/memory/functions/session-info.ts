/** Session information functions: current database/schema/catalog, current user, version. */
import { userInfo } from 'node:os';
import { VERSION_STRING } from '../../../session/spark-version.js';
import type { FunctionImpl } from './types.js';
import { compiled } from './util.js';

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'spark';
  }
}

export const sessionInfoImpls: Record<string, FunctionImpl> = {
  current_database: compiled((_a, _c, ctx) => () => ctx.currentDatabase ?? 'default'),
  current_schema: compiled((_a, _c, ctx) => () => ctx.currentDatabase ?? 'default'),
  current_catalog: compiled(() => () => 'spark_catalog'),
  current_user: compiled(() => () => currentUser()),
  version: compiled(() => () => VERSION_STRING),
  user: compiled(() => () => currentUser()),
};
