import { Module } from '@nestjs/common';
import { CasesModule } from '@precedent/cases';
import { IdentityModule } from '@precedent/identity';
import { CaseAccessController } from './case-access.controller';
import { CaseAccessPagesController } from '../web/case-access-pages.controller';

/** Who may open a case: the access route and explicit grants, in the JSON API and on the case page. */
@Module({
  imports: [CasesModule, IdentityModule],
  controllers: [CaseAccessController, CaseAccessPagesController],
})
export class CaseAccessModule {}
