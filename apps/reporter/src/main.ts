import { startHttpApp } from '@precedent/platform';
import { configureReporter } from './configure-reporter';
import { ReporterModule } from './reporter.module';

void startHttpApp(ReporterModule, {
  name: 'Precedent reporter portal',
  port: (env) => env.REPORTER_PORT,
  configure: configureReporter,
});
