// The network queue's contract: the scheduled harvest of the peers' feeds.
export const NETWORK_QUEUE = 'network';

export enum NetworkJob {
  /** Repeating: pull new pages from every peer that is due. */
  Pull = 'pull',
}

/** The job scheduler's id: one repeating harvest however many workers start. */
export const PULL_SCHEDULER = 'network-pull';
