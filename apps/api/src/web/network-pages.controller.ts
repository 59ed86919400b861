import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PeerTokens, PrecedentHarvest, type HarvestState } from '@precedent/network';
import { Env } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { timeText } from './form-fields';

/**
 * The precedent network for administrators: how the harvest of each peer stands (cursor, counts,
 * the last error and when it is tried again) and the tokens issued to the peers that read this
 * force's feed. Read only: pulls and tokens are the command line's (`network pull`, `network token`).
 */
@ApiExcludeController()
@Controller('admin/network')
@Roles('admin')
export class NetworkPagesController {
  constructor(
    private readonly harvest: PrecedentHarvest,
    private readonly tokens: PeerTokens,
    private readonly env: Env,
  ) {}

  @Get()
  async show(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    let peers: ReturnType<typeof peerView>[] = [];
    let peersProblem: string | null = null;
    try {
      peers = (await this.harvest.states()).map(peerView);
    } catch (error) {
      // PEERS that cannot be read: the page says so rather than failing
      peersProblem = error instanceof Error ? error.message : String(error);
    }
    const tokens = await this.tokens.list();
    res.render('pages/admin-network', {
      title: 'Precedent network',
      active: 'admin',
      principal: req.principal,
      force: this.env.FORCE_CODE,
      signing: this.env.NETWORK_SIGNING_KEY !== '',
      peers,
      peersProblem,
      tokens: tokens.map((token) => ({
        peer: token.peerForce,
        issuedAt: timeText(token.issuedAt),
        lastUsedAt: token.lastUsedAt ? timeText(token.lastUsedAt) : 'never',
        revoked: token.revokedAt !== null,
      })),
    });
  }
}

function peerView(state: HarvestState) {
  return {
    force: state.force,
    url: state.url ?? 'no longer in PEERS',
    cursor: state.cursor ?? 'not yet pulled',
    imported: state.imported,
    updated: state.updated,
    refusedPages: state.refusedPages,
    lastSuccessAt: state.lastSuccessAt ? timeText(state.lastSuccessAt) : 'never',
    failing: state.failures > 0,
    lastError: state.lastError,
    lastErrorAt: state.lastErrorAt ? timeText(state.lastErrorAt) : '',
    nextAttemptAt: state.failures > 0 && state.nextAttemptAt ? timeText(state.nextAttemptAt) : '',
  };
}
