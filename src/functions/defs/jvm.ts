/**
 * reflect / java_method call Java static methods by reflection: they need a
 * JVM, which sparkless has none of (on the `connect` backend Spark runs them).
 * Registered so that SQL and the DataFrame API fail with a typed error saying
 * so, rather than "unresolved routine".
 */
import { NotImplementedException } from '../../errors/index.js';
import type { FunctionDef } from '../registry.js';

export const JVM_ONLY_REASON = 'it calls a Java method by reflection and needs a JVM; run it on the connect backend (a real Spark)';

const jvmOnly = (name: string): FunctionDef => ({
  name,
  kind: 'scalar',
  minArgs: 2,
  maxArgs: Infinity,
  resolve() {
    throw new NotImplementedException(name, JVM_ONLY_REASON);
  },
});

export const jvmDefs: readonly FunctionDef[] = [jvmOnly('reflect'), jvmOnly('java_method')];
