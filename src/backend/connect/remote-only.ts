/**
 * The materializer slot of a connect session. Spark runs every query there
 * (the session sends plans through ConnectExecutor), so a resolved local plan
 * reaching this is a sparkless bug, reported as such.
 */
import type { Batch } from '../../data/batch.js';
import { InternalError } from '../../errors/index.js';
import type { LogicalPlan } from '../../plan/nodes.js';
import type { DataMaterializer } from '../protocols.js';

export class RemoteOnlyMaterializer implements DataMaterializer {
  readonly backendType = 'connect';

  materialize(p: LogicalPlan): Batch {
    throw new InternalError(`a ${p.kind} plan was sent to the local materializer of a connect session`);
  }

  close(): void {}
}
