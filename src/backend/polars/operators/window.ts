/** Window: delegated for now (native lowering comes next). */
import type { Window } from '../../../plan/nodes.js';
import { delegate } from '../delegation.js';
import type { NativeLazyFrame } from '../native.js';
import type { Frame, OperatorEnv } from './types.js';

export function window(plan: Window, input: Frame, env: OperatorEnv): NativeLazyFrame {
  void plan;
  void input;
  void env;
  return delegate('window functions');
}
