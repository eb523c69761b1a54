/** reflect / java_method never get here: their definitions refuse them at analysis (no JVM). */
import { NotImplementedException } from '../../../errors/index.js';
import { JVM_ONLY_REASON } from '../../../functions/defs/jvm.js';
import type { FunctionImpl } from './types.js';

const refuse = (name: string): FunctionImpl => ({
  kind: 'scalar',
  eval: () => {
    throw new NotImplementedException(name, JVM_ONLY_REASON);
  },
});

export const jvmImpls: Record<string, FunctionImpl> = { reflect: refuse('reflect'), java_method: refuse('java_method') };
