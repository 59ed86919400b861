// The precedent network context's public surface (docs/precedent-network.md).
export { NetworkModule } from './network.module';
export { NETWORK_QUEUE, NetworkJob, PULL_SCHEDULER } from './network.jobs';
export {
  PrecedentFeed,
  FeedOffError,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SignedPage,
} from './feed/precedent-feed.service';
export { PeerTokens, type IssuedToken } from './feed/peer-tokens.service';
export { PrecedentHarvest, type PullResult, type HarvestState } from './harvest/harvest.service';
export { readCursor, readPeers, retryDelayMinutes, type Peer } from './peers/peers.rules';
export {
  generateKeyPair,
  readSigningKey,
  SIGNATURE_HEADER,
  type KeyPairText,
} from './signing/page-signature.rules';
