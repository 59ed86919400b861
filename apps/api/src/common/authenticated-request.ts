import type { Request } from 'express';
import type { Principal } from '@precedent/identity';

export const SESSION_COOKIE = 'precedent_session';

export interface AuthenticatedRequest extends Request {
  id: string;
  principal?: Principal;
}
