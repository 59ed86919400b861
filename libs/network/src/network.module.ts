// The precedent network: this force's signed precedent feed, the tokens it issues to peers, and the harvest of the peers' feeds.
import { Module } from '@nestjs/common';
import { AnalyticsModule } from '@precedent/analytics';
import { PeerTokens } from './feed/peer-tokens.service';
import { PrecedentFeed } from './feed/precedent-feed.service';
import { PrecedentHarvest } from './harvest/harvest.service';

@Module({
  imports: [AnalyticsModule],
  providers: [PrecedentFeed, PeerTokens, PrecedentHarvest],
  exports: [PrecedentFeed, PeerTokens, PrecedentHarvest],
})
export class NetworkModule {}
