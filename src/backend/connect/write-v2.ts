/** `df.writeTo(...)` on a connect session: Spark's WriteOperationV2 command. */
import type { Expr } from '../../expr/nodes.js';
import type { LogicalPlan } from '../../plan/nodes.js';
import type { ConnectExecutor } from './executor.js';
import { expressionMessage } from './plan/expressions.js';
import { relationMessage } from './plan/relations.js';

/** WriteOperationV2.Mode. */
export const V2_MODES = { create: 1, overwrite: 2, overwritePartitions: 3, append: 4, replace: 5, createOrReplace: 6 } as const;

export interface RemoteWriteV2 {
  readonly table: string;
  readonly mode: keyof typeof V2_MODES;
  readonly provider?: string;
  readonly partitioning: readonly Expr[];
  readonly options: Readonly<Record<string, string>>;
  readonly properties: Readonly<Record<string, string>>;
  readonly condition?: Expr;
}

export function remoteWriteV2(executor: ConnectExecutor, input: LogicalPlan, w: RemoteWriteV2): void {
  executor.command({
    write_operation_v2: {
      input: relationMessage(input),
      table_name: w.table,
      ...(w.provider !== undefined ? { provider: w.provider } : {}),
      partitioning_columns: w.partitioning.map(expressionMessage),
      options: { ...w.options },
      table_properties: { ...w.properties },
      mode: V2_MODES[w.mode],
      ...(w.condition ? { overwrite_condition: expressionMessage(w.condition) } : {}),
    },
  });
}
