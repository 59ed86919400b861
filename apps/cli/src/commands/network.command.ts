import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { generateKeyPair, PeerTokens, PrecedentHarvest, readSigningKey } from '@precedent/network';
import { systemContext } from '@precedent/audit';
import { Clock, Env, londonDate } from '@precedent/platform';

/**
 * `network keys`: a new Ed25519 key pair for this force's feed. Prints the private key (a secret, for
 * NETWORK_SIGNING_KEY) and the public key peers put in PEERS. When a key is set already, prints the
 * rotation too: the current key moves to NETWORK_PREVIOUS_SIGNING_KEY and keeps signing until the
 * overlap's last day, so peers that have not yet added the new public key still verify the pages.
 */
@SubCommand({ name: 'keys', description: "Create this force's key pair for signing its precedent feed" })
export class NetworkKeysCommand extends CommandRunner {
  constructor(
    private readonly env: Env,
    private readonly clock: Clock,
  ) {
    super();
  }

  async run(): Promise<void> {
    const pair = generateKeyPair();
    const lines = [
      `Key ${pair.id}.`,
      'Keep the private key with the other secrets:',
      `NETWORK_SIGNING_KEY=${pair.privateKey}`,
    ];
    if (this.env.NETWORK_SIGNING_KEY) {
      const current = readSigningKey(this.env.NETWORK_SIGNING_KEY, 'NETWORK_SIGNING_KEY');
      const until = new Date(this.clock.now().getTime() + this.env.NETWORK_KEY_OVERLAP_DAYS * 86_400_000);
      lines.push(
        `This replaces key ${current.id}, which keeps signing the feed alongside the new one until the end of the overlap:`,
        `NETWORK_PREVIOUS_SIGNING_KEY=${this.env.NETWORK_SIGNING_KEY}`,
        `NETWORK_PREVIOUS_KEY_UNTIL=${londonDate(until)}`,
        `Ask every peer to add the new public key to this force's "keys" in their PEERS before then, and to remove key ${current.id} after.`,
      );
    }
    lines.push('Send the public key to the peers, for this force\'s "keys" in their PEERS:', pair.publicKey);
    process.stdout.write(lines.join('\n') + '\n');
  }
}

/** `network token issue --peer CODE`: a token for one peer to read this force's feed; shown once. */
@SubCommand({ name: 'issue', description: "Issue a token for a peer force to read this force's feed" })
export class IssuePeerTokenCommand extends CommandRunner {
  constructor(private readonly tokens: PeerTokens) {
    super();
  }

  async run(_args: string[], options: { peer?: string }): Promise<void> {
    if (!options.peer) {
      process.stderr.write('Name the peer: network token issue --peer CODE (a force code such as kent).\n');
      process.exitCode = 2;
      return;
    }
    const issued = await this.tokens.issue(options.peer, systemContext('cli'));
    process.stdout.write(
      `Token for ${options.peer} (shown once: only its digest is kept). Send it to ${options.peer}'s administrator for their PEERS:\n${issued.token}\n`,
    );
  }

  @Option({ flags: '--peer <code>', description: 'The force the token is for' })
  parsePeer(value: string): string {
    return value;
  }
}

/** `network token revoke --peer CODE`: the peer's tokens stop opening the feed. */
@SubCommand({ name: 'revoke', description: 'Revoke every token issued to a peer force' })
export class RevokePeerTokenCommand extends CommandRunner {
  constructor(private readonly tokens: PeerTokens) {
    super();
  }

  async run(_args: string[], options: { peer?: string }): Promise<void> {
    if (!options.peer) {
      process.stderr.write('Name the peer: network token revoke --peer CODE.\n');
      process.exitCode = 2;
      return;
    }
    const count = await this.tokens.revoke(options.peer, systemContext('cli'));
    process.stdout.write(`${count} token(s) of ${options.peer} revoked.\n`);
  }

  @Option({ flags: '--peer <code>', description: 'The force whose tokens are revoked' })
  parsePeer(value: string): string {
    return value;
  }
}

@SubCommand({
  name: 'token',
  description: 'Tokens this force issues to the peers that read its feed',
  subCommands: [IssuePeerTokenCommand, RevokePeerTokenCommand],
})
export class PeerTokenCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write('Usage: network token issue --peer CODE | network token revoke --peer CODE\n');
  }
}

/**
 * `network pull [--force CODE]`: harvests every peer in PEERS (or one) now, whatever its backoff.
 * Exit 0 when every peer was pulled, 1 when any failed or sent a page that was refused.
 */
@SubCommand({ name: 'pull', description: "Harvest new precedents from the peers' feeds now" })
export class NetworkPullCommand extends CommandRunner {
  constructor(private readonly harvest: PrecedentHarvest) {
    super();
  }

  async run(_args: string[], options: { force?: string }): Promise<void> {
    const peers = this.harvest.peers();
    if (options.force && !peers.some((peer) => peer.force === options.force)) {
      process.stderr.write(
        `${options.force} is not in PEERS: name one of ${peers.map((p) => p.force).join(', ') || '(none)'}.\n`,
      );
      process.exitCode = 2;
      return;
    }
    const results = await this.harvest.pull({ force: options.force });
    for (const result of results) {
      process.stdout.write(
        result.ok
          ? `${result.force}: ${result.pages} page(s), ${result.imported} imported, ${result.updated} updated.\n`
          : `${result.force}: ${result.error}. ${result.imported} imported, ${result.updated} updated before that; tried again later.\n`,
      );
    }
    if (results.length === 0) process.stdout.write('No peers in PEERS.\n');
    process.exitCode = results.every((result) => result.ok) ? 0 : 1;
  }

  @Option({ flags: '--force <code>', description: 'Pull only this peer' })
  parseForce(value: string): string {
    return value;
  }
}

@Command({
  name: 'network',
  description: 'The precedent network: keys, tokens for peers, and the harvest of their feeds',
  subCommands: [NetworkKeysCommand, PeerTokenCommand, NetworkPullCommand],
})
export class NetworkCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write(
      'Usage: network keys | network token issue --peer CODE | network pull [--force CODE]\n',
    );
  }
}
