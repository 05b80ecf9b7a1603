/**
 * The contract's channel names, without the schemas: the sandboxed preload needs the list
 * but cannot load zod. contract.ts is checked against this list at compile time.
 */
export const CHANNELS = [
  'app:info',
  'app:language',
  'app:theme',
  'audit:get',
  'audit:summary',
  'audit:preview',
  'findings:list',
  'revocations:list',
  'people:list',
  'details:get',
  'grant:set',
  'exclusion:set',
  'details:set',
  'policy:get',
  'policy:set',
  'policy:export',
  'sharing:get',
  'sharing:set',
  'sharing:import',
  'sharing:export',
  'demo:load',
  'import:inspect',
  'import:run',
  'import:cancel',
  'import:history',
  'history:trend',
  'history:reminder',
  'audit:charts',
  'data:forget',
  'settings:get',
  'settings:set',
  'finding:mute',
  'finding:unmute',
  'revocation:create',
  'revocation:preview',
  'revocation:applied',
  'revocation:history',
  'revocation:undo',
  'report:build',
  'report:prepare',
  'report:save',
  'dialog:openImport',
  'shell:openExternal',
  'plan:get',
  'session:get',
  'session:start',
  'session:decide',
  'session:end',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Events pushed from main to the renderer. */
export const EVENTS = ['import:progress', 'command'] as const;
