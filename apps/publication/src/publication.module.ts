// The public publication site: hearing notices and outcome reports the chair decided to publish, and their Atom feed.
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { PublicationReadModule } from '@precedent/hearings';
import { createValidationPipe, LoggingModule, PlatformModule } from '@precedent/platform';
import { PublicPagesController } from './public-pages.controller';
import { PublicPagesFilter } from './public-pages.filter';
import { PublicationHealthController } from './publication-health.controller';

/**
 * Imports the platform and the publication read module only: no staff routes, no case module, and
 * no entity but the published entries, so this process cannot query a case table through its code.
 */
@Module({
  imports: [PlatformModule, LoggingModule.forHttp({ anonymous: true }), PublicationReadModule],
  controllers: [PublicationHealthController, PublicPagesController],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    // every error is a GOV.UK page here, never the JSON error body the staff API writes
    { provide: APP_FILTER, useClass: PublicPagesFilter },
  ],
})
export class PublicationModule {}
