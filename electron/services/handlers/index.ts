/**
 * The service's table of handlers, composed of each domain's part. The compiler holds it to the
 * contract: every channel must be in some part (the table is a `Handlers`), no part may answer a
 * channel outside its own list (`HandlerPart`), and no channel may be in two lists (`ChannelsDisjoint`).
 */
import type { Channel } from '../../../shared/contract';
import { appHandlers, type AppChannel } from './app';
import { auditHandlers, type AuditChannel } from './audit';
import { declarationHandlers, type DeclarationChannel } from './declarations';
import { historyHandlers, type HistoryChannel } from './history-reports';
import { importHandlers, type ImportChannel } from './imports';
import { revocationHandlers, type RevocationChannel } from './revocations-plan';
import type { Handlers, ServiceContext } from './types';

export type { Handlers, ServiceContext } from './types';

/** Each domain's channels, one list per part of the table. */
type Parts = [AppChannel, AuditChannel, DeclarationChannel, HistoryChannel, ImportChannel, RevocationChannel];

/** The channels in two of the lists (never, when each channel has one handler). */
type Overlap<Lists extends Channel[], Seen extends Channel = never> = Lists extends [
  infer First extends Channel,
  ...infer Rest extends Channel[],
]
  ? (First & Seen) | Overlap<Rest, Seen | First>
  : never;

type Expect<T extends true> = T;

/** Compiles only while no channel is in two lists (`Overlap<Parts>` names the ones that are). */
export type ChannelsDisjoint = Expect<[Overlap<Parts>] extends [never] ? true : false>;

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...auditHandlers(ctx),
    ...declarationHandlers(ctx),
    ...historyHandlers(ctx),
    ...importHandlers(ctx),
    ...revocationHandlers(ctx),
  };
}
