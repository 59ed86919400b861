import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A token this force issued to a peer to read its feed: only the token's SHA-256 is kept. */
@Entity('network_peer_tokens')
@Index('ux_network_peer_tokens_token_digest', ['tokenDigest'], { unique: true })
export class NetworkPeerToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  peerForce: string;

  @Column({ type: 'text' })
  tokenDigest: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
