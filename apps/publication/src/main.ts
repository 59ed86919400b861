import { startHttpApp } from '@precedent/platform';
import { configurePublication } from './configure-publication';
import { PublicationModule } from './publication.module';

void startHttpApp(PublicationModule, {
  name: 'Precedent publication site',
  port: (env) => env.PUBLICATION_PORT,
  configure: configurePublication,
});
