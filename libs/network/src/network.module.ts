// The precedent network: this force's signed precedent feed, the tokens it issues to peers, and the harvest of the peers' feeds.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsModule } from '@precedent/analytics';
import { PeerTokens } from './feed/peer-tokens.service';
import { PrecedentFeed } from './feed/precedent-feed.service';
import { PrecedentHarvest } from './harvest/harvest.service';
import { NetworkPeerToken } from './feed/network-peer-token.entity';
import { NetworkHarvest } from './harvest/network-harvest.entity';

@Module({
  imports: [AnalyticsModule, TypeOrmModule.forFeature([NetworkPeerToken, NetworkHarvest])],
  providers: [PrecedentFeed, PeerTokens, PrecedentHarvest],
  exports: [PrecedentFeed, PeerTokens, PrecedentHarvest],
})
export class NetworkModule {}
