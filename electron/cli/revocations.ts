/**
 * The fix loop from the command line, over the same contract as the app: plan revocations, say
 * they were done on the platform, take them back, list them with the history of their states.
 */
import type { Channel, ErrorInfo, Request, Response } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { fieldLabel, formatDate, message } from '../../shared/i18n';
import { fromIdRanges } from '../../shared/id-ranges';
import { platformStep } from '../../shared/platform';
import { revocationSubject } from '../../shared/plan/text';
import type { AppService } from '../services/app-service';
import { AppError } from '../services/errors';
import { revocationHistory } from '../services/revocation-store';

export const REVOCATION_COMMANDS = ['revoke', 'applied', 'undo', 'revocations'] as const;
export type RevocationCommand = (typeof REVOCATION_COMMANDS)[number];

interface Out {
  stdout: (s: string) => void;
}

/** An error answered by the contract, as the CLI reports it: in the user's language. */
export class ContractError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

async function call<C extends Channel>(service: AppService, channel: C, request: Request<C>): Promise<Response<C>> {
  const result = await service.dispatch(channel, request);
  if (!result.ok) throw new ContractError(result.error);
  return result.value as Response<C>;
}

function ids(args: readonly string[]): number[] {
  if (args.length === 0) throw new AppError('BAD_REQUEST', 'cli.needsRevocationIds');
  return args.map((a) => {
    const id = Number(a.replace(/^#/, ''));
    if (!Number.isInteger(id) || id <= 0) throw new AppError('BAD_REQUEST', 'cli.badRevocationId', { value: a });
    return id;
  });
}

/** A profile URL as people paste it: with or without "www.", a trailing slash, any case. */
function sameProfile(a: string | null, b: string): boolean {
  const norm = (u: string): string =>
    u
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\/(www\.)?/, '')
      .replace(/\/+$/, '');
  return a !== null && norm(a) === norm(b);
}

export async function runRevocationCommand(
  command: RevocationCommand,
  args: readonly string[],
  options: { json: boolean; contact?: string; on?: string },
  service: AppService,
  out: Out,
  lang: Lang,
): Promise<void> {
  const line = (text: string): void => out.stdout(`${text}\n`);
  switch (command) {
    case 'revoke':
      return revoke(args, options.contact, service, line, lang);
    case 'applied': {
      if (options.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.on))
        throw new AppError('BAD_REQUEST', 'cli.badDate', { value: options.on });
      const { applied } = await call(service, 'revocation:applied', { ids: ids(args), on: options.on });
      line(message(lang, 'cli.applied', { n: applied }));
      return;
    }
    case 'undo': {
      const { undone } = await call(service, 'revocation:undo', { ids: ids(args) });
      line(message(lang, 'cli.undone', { n: undone }));
      return;
    }
    case 'revocations':
      return listRevocations(options.json, service, line, lang);
  }
}

/** Plans revocations — of findings by id, or of a person's connection (--contact) — and prints each step. */
async function revoke(
  args: readonly string[],
  contact: string | undefined,
  service: AppService,
  line: (text: string) => void,
  lang: Lang,
): Promise<void> {
  let findingIds = [...args];
  if (contact !== undefined) {
    // Removing the connection covers every finding of that person: one of them names the action.
    const finding = service
      .audit(lang)
      .findings.find((f) => sameProfile(f.contact?.profileUrl ?? null, contact) && f.field !== null);
    if (!finding) throw new AppError('NOT_FOUND', 'cli.noFindingsForContact', { url: contact });
    findingIds = [finding.id];
  }
  if (findingIds.length === 0) throw new AppError('BAD_REQUEST', 'cli.needsFindingIds');
  const { ids: created } = await call(service, 'revocation:create', { findingIds });
  const made = new Set(fromIdRanges(created));
  // The audit lists them newest first; printed in the order they were made.
  const views = service
    .audit(lang)
    .revocations.filter((v) => made.has(v.id))
    .reverse();
  for (const view of views) {
    const step = platformStep(view.action, lang, view.contactProfileUrl);
    line(message(lang, 'cli.revoked', { id: view.id, name: view.contactName, step: step.label, url: step.url }));
  }
}

/** Every revocation: a line each, or (--json) each with its target and its history. */
function listRevocations(json: boolean, service: AppService, line: (text: string) => void, lang: Lang): void {
  const all = service.audit(lang).revocations;
  if (json) {
    const doc = all.map((r) => ({
      id: r.id,
      action: r.action,
      // Removing a connection targets the person; every other step a setting of the user's.
      target:
        r.contactId === null
          ? r.target.replace(/^setting:/, '')
          : r.action === 'remove-connection'
            ? r.contactProfileUrl
            : r.action,
      contact: r.contactName,
      field: r.field,
      state: r.status,
      history: revocationHistory(service.db, r.id).map((e) => ({ state: e.status, at: e.at, note: e.note })),
    }));
    line(JSON.stringify(doc, null, 2));
    return;
  }
  if (all.length === 0) line(message(lang, 'cli.noRevocations'));
  for (const r of all)
    line(
      message(lang, 'cli.revocationLine', {
        id: r.id,
        state: message(lang, `ui.revocationStatus_${r.status}`),
        name: r.contactName ?? revocationSubject(lang, r),
        field: r.field ? fieldLabel(lang, r.field) : '—',
        planned: formatDate(lang, r.createdAt),
        applied: r.appliedOn ?? 'none',
      }),
    );
}
