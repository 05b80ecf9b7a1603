/** Words for plan steps and setting revocations, in the reader's language. */
import type { Lang, PlatformActionId, RevocationView } from '../domain';
import { fieldLabel, hasMessage, message } from '../i18n';
import { platformStep, type PlatformStep } from '../platform';
import type { PlanStep } from './types';

/** What to do on the platform, exactly: an audience change says to which audience. */
export function stepInstruction(
  lang: Lang,
  action: PlatformActionId,
  to: PlanStep['to'],
  profileUrl: string | null,
): PlatformStep {
  const step = platformStep(action, lang, profileUrl);
  const key = `plan.step.${action}.${to}`;
  return to && hasMessage(key) ? { ...step, label: message(lang, key) } : step;
}

/** The setting step a setting revocation stands for ("setting:narrow-email-audience:only-you"). */
export function settingStepOf(target: string): { action: PlatformActionId; to: PlanStep['to'] } | null {
  const m = /^setting:([a-z-]+?)(?::(first-degree|only-you|business|private|birthday))?$/.exec(target);
  return m ? { action: m[1] as PlatformActionId, to: (m[2] as PlanStep['to']) ?? null } : null;
}

/** Who or what a revocation is about: "Name · mobile number", or the setting's instruction. */
export function revocationSubject(
  lang: Lang,
  r: Pick<RevocationView, 'contactName' | 'field' | 'target' | 'action'>,
): string {
  const setting = settingStepOf(r.target);
  if (r.contactName === null || setting) {
    return stepInstruction(lang, setting?.action ?? r.action, setting?.to ?? null, null).label;
  }
  return r.field ? `${r.contactName} · ${fieldLabel(lang, r.field)}` : r.contactName;
}
