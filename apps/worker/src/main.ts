import { startHttpApp } from '@precedent/platform';
import { WorkerModule } from './worker.module';

void startHttpApp(WorkerModule, {
  name: 'Precedent worker',
  port: (env) => env.WORKER_PORT,
  configure: () => undefined,
});
