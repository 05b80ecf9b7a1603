/** Handlers of the audit: the whole result, its summary and preview, the findings and their mutes. */
import { AppError } from '../errors';
import { muteFinding, unmuteFinding } from '../store';
import type { HandlerPart, ServiceContext } from './types';

export type AuditChannel =
  'audit:get' | 'audit:summary' | 'audit:preview' | 'findings:list' | 'finding:mute' | 'finding:unmute';

export function auditHandlers(ctx: ServiceContext): HandlerPart<AuditChannel> {
  return {
    'audit:get': ({ lang }) => Promise.resolve(ctx.audit(lang)),
    'audit:summary': () => ctx.audits().summary(),
    'audit:preview': (request) => Promise.resolve(ctx.audits().preview(request)),
    'findings:list': (request) => Promise.resolve(ctx.audits().findings(request)),
    'finding:mute': ({ findingId, reason, until }) => {
      if (ctx.audits().cache.finding(findingId) === undefined) {
        throw new AppError('NOT_FOUND', 'error.notFound', { what: 'finding', id: findingId });
      }
      ctx.audits().cache.stateWrite(() => muteFinding(ctx.db(), findingId, reason, until, ctx.now()));
      return Promise.resolve({ muted: true as const });
    },
    'finding:unmute': ({ findingId }) =>
      Promise.resolve({ unmuted: ctx.audits().cache.stateWrite(() => unmuteFinding(ctx.db(), findingId)) }),
  };
}
