/**
 * Handlers of what the user declares: their own details, the people and what each may see (grants,
 * exclusions), the policy, and the sharing settings (with their file's import and export).
 */
import { AppError } from '../errors';
import { resolvePaths } from '../importers/source';
import { listPeople, setExclusions, setGrants, setMyDetails } from '../people';
import { readSharingFile } from '../sharing-file';
import { getPolicy, getSharing, savePolicy, saveSharing } from '../store';
import type { HandlerPart, ServiceContext } from './types';

export type DeclarationChannel =
  | 'details:get'
  | 'details:set'
  | 'people:list'
  | 'grant:set'
  | 'exclusion:set'
  | 'policy:get'
  | 'policy:set'
  | 'policy:export'
  | 'sharing:get'
  | 'sharing:set'
  | 'sharing:import'
  | 'sharing:export';

export function declarationHandlers(ctx: ServiceContext): HandlerPart<DeclarationChannel> {
  return {
    'details:get': () => Promise.resolve({ details: [...ctx.audits().cache.base().input.myDetails] }),
    'people:list': (request) => {
      const { input, policy } = ctx.audits().cache.base();
      return Promise.resolve(listPeople(input, policy, request, ctx.now()));
    },
    'grant:set': ({ contactIds, field, granted }) =>
      Promise.resolve({ changed: setGrants(ctx.db(), contactIds, field, granted, ctx.now()) }),
    'exclusion:set': ({ contactIds, excluded }) =>
      Promise.resolve({ changed: setExclusions(ctx.db(), contactIds, excluded) }),
    'details:set': ({ details }) => Promise.resolve({ details: setMyDetails(ctx.db(), details) }),
    'policy:get': () => Promise.resolve(getPolicy(ctx.db())),
    'policy:set': ({ policy }) => Promise.resolve(savePolicy(ctx.db(), policy)),
    'policy:export': () => {
      // The policy travels with the findings the user has muted, and why.
      const { input, policy } = ctx.audits().cache.base();
      return Promise.resolve({
        fileName: 'ShareAudit-policy.json',
        json: `${JSON.stringify({ ...policy, mutedFindings: input.mutes }, null, 2)}\n`,
      });
    },
    'sharing:get': () => Promise.resolve(getSharing(ctx.db())),
    'sharing:set': ({ sharing }) => Promise.resolve(saveSharing(ctx.db(), sharing)),
    'sharing:import': async ({ source }) => {
      const resolved = await resolvePaths([ctx.sourcePath(source)]);
      try {
        const [file, ...rest] = resolved.files;
        if (!file || rest.length > 0) throw new AppError('IMPORT_FAILED', 'error.nameSettingsFile');
        const { sharing, grants } = await readSharingFile(file, getSharing(ctx.db()));
        // An import may have ended while the file was read: its snapshot comes before this change.
        ctx.settleSnapshot(true);
        return { sharing: saveSharing(ctx.db(), sharing), grants };
      } finally {
        await resolved.close();
      }
    },
    'sharing:export': () =>
      Promise.resolve({
        fileName: 'ShareAudit-sharing-settings.json',
        json: `${JSON.stringify(getSharing(ctx.db()), null, 2)}\n`,
      }),
  };
}
