import { startHttpApp } from '@precedent/platform';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';

void startHttpApp(ApiModule, {
  name: 'Precedent API',
  port: (env) => env.API_PORT,
  configure: configureApi,
  processes: (env) => env.API_PROCESSES,
});
