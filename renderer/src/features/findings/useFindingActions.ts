/**
 * What the findings screen does: one finding's actions (select, open, revoke, mute, undo) and
 * revoking the selection after a confirmation.
 */
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { Request, Response, RevocationPreview } from '../../../../shared/contract';
import type { Finding, Lang } from '../../../../shared/domain';
import { fromIdRanges } from '../../../../shared/id-ranges';
import { platformStep } from '../../../../shared/platform';
import { write } from '../../api/client';
import type { Feedback } from '../../app/toast';
import { t } from '../../i18n';
import { platform } from '../../platform';
import type { FindingActions } from './FindingRow';
import { EMPTY, revocationTarget, toggle, type Selection } from './selection';

/** The toast after a revocation: how many, Undo, and (for one finding) the steps on the platform. */
function revoked(lang: Lang, result: Response<'revocation:create'>, finding?: Finding) {
  return {
    text: t(lang, 'revokedToast', { n: result.created }),
    undo: fromIdRanges(result.ids),
    steps: finding ? finding.actions.map((a) => platformStep(a, lang, finding.contact?.profileUrl ?? null)) : [],
  };
}

/** One finding's actions, as its row calls them. */
export function useFindingActions(
  lang: Lang,
  feedback: Feedback,
  setSelection: Dispatch<SetStateAction<Selection>>,
  setOpen: Dispatch<SetStateAction<string | null>>,
  keepPlace: (id: string, muted: boolean, change: () => Promise<unknown>) => void,
): FindingActions {
  return {
    onToggle: (id) => setSelection((s) => toggle(s, id)),
    onOpen: (id) => setOpen((o) => (o === id ? null : id)),
    onRevoke: (finding) =>
      void feedback.run(
        () => write('revocation:create', { findingIds: [finding.id] }),
        (result) => revoked(lang, result, finding),
      ),
    onMute: (id, reason, until) =>
      keepPlace(id, true, () =>
        feedback.run(
          () => write('finding:mute', { findingId: id, reason, until }),
          () => ({ text: t(lang, 'muted') }),
        ),
      ),
    onUnmute: (id) => keepPlace(id, false, () => feedback.run(() => write('finding:unmute', { findingId: id }))),
    onUndo: (revocationId) => void feedback.undo([revocationId]),
  };
}

export interface Confirming {
  target: Request<'revocation:create'>;
  preview: RevocationPreview;
}

/** "Revoke selected": its preview to confirm, then the revocation and where focus goes after it. */
export function useRevokeSelection(
  lang: Lang,
  feedback: Feedback,
  selection: Selection,
  setSelection: Dispatch<SetStateAction<Selection>>,
  listRow: () => HTMLElement | null,
) {
  const [confirming, setConfirming] = useState<Confirming | null>(null);

  const askToRevoke = async (): Promise<void> => {
    const target = revocationTarget(selection);
    if (!target) return;
    const preview = await feedback.run(() => platform.invoke('revocation:preview', target));
    if (preview) setConfirming({ target, preview });
  };

  const confirmRevoke = async (): Promise<void> => {
    if (!confirming) return;
    const { target } = confirming;
    setConfirming(null);
    const result = await feedback.run(
      () => write('revocation:create', target),
      (result) => revoked(lang, result),
    );
    // Not revoked: the selection stays, to try again (focus is back on "Revoke selected").
    if (result === undefined) return;
    // "Revoke selected" has nothing to revoke now: focus goes to the list (its row in the tab order),
    // or to the toast with Undo when that row is not on screen.
    const row = listRow();
    if (row) row.focus();
    else feedback.focus();
    setSelection(EMPTY);
  };

  return { confirming, cancel: () => setConfirming(null), askToRevoke, confirmRevoke };
}
