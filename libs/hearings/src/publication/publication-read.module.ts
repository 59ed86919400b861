// The public read side of publication: only the published entries, for apps/publication.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedNotice } from './published-notice.entity';
import { PublishedNoticesReader } from './published-notices.reader';

/**
 * Registers no entity but `PublishedNotice`: a process built on this module (and the platform) has
 * no mapping for cases, subjects, hearings or reporters, and queries only `published_notices`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PublishedNotice])],
  providers: [PublishedNoticesReader],
  exports: [PublishedNoticesReader],
})
export class PublicationReadModule {}
