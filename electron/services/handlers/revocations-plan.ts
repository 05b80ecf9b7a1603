/** Handlers of revocations (what to ask contacts to stop seeing), the plan and the guided session. */
import { revocationItems } from '../revocations';
import { markApplied, revocationHistory, undoRevocations } from '../revocation-store';
import type { HandlerPart, ServiceContext } from './types';

export type RevocationChannel =
  | 'revocations:list'
  | 'revocation:create'
  | 'revocation:preview'
  | 'revocation:applied'
  | 'revocation:history'
  | 'revocation:undo'
  | 'plan:get'
  | 'session:get'
  | 'session:start'
  | 'session:decide'
  | 'session:end';

export function revocationHandlers(ctx: ServiceContext): HandlerPart<RevocationChannel> {
  return {
    'revocations:list': (request) => Promise.resolve(ctx.audits().revocations(request)),
    'revocation:create': (target) => Promise.resolve(ctx.revoke(target)),
    'revocation:preview': (target) => Promise.resolve(revocationItems(ctx.audits().cache, target).preview),
    'revocation:applied': ({ ids, on }) =>
      Promise.resolve({
        applied: ctx
          .audits()
          .cache.stateWrite(() => markApplied(ctx.db(), ids, on ?? ctx.now().toISOString().slice(0, 10), ctx.now())),
      }),
    'revocation:history': ({ id }) => Promise.resolve({ events: revocationHistory(ctx.db(), id) }),
    'revocation:undo': ({ ids, plannedOnly }) =>
      Promise.resolve({
        undone: ctx.audits().cache.stateWrite(() => undoRevocations(ctx.db(), ids, ctx.now(), plannedOnly)),
      }),
    'plan:get': ({ variant, offset, limit }) => Promise.resolve(ctx.planning().plans.page(variant, offset, limit)),
    'session:get': () => Promise.resolve(ctx.planning().sessions.get()),
    'session:start': ({ variant }) => Promise.resolve(ctx.planning().sessions.start(variant)),
    'session:decide': ({ position, outcome, on }) =>
      Promise.resolve(ctx.planning().sessions.decide(position, outcome, on)),
    'session:end': () => Promise.resolve({ ended: ctx.planning().sessions.end() }),
  };
}
