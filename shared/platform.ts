import type { Lang, PlatformActionId } from './domain';

/** External links the app may open: https only, these hosts only. */
export const ALLOWED_EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'www.linkedin.com',
  'linkedin.com',
  'www.xing.com',
  'xing.com',
]);

/**
 * Parsed by hand, not with URL: shared/ has no platform globals. Refuses anything but plain
 * https://host/path on an allowed host (no credentials, no port, no backslashes).
 */
export function isAllowedExternalUrl(raw: string): boolean {
  const m = /^https:\/\/([a-z0-9.-]+)(?:[/?#][^\s\\]*)?$/i.exec(raw);
  return m !== null && ALLOWED_EXTERNAL_HOSTS.has(m[1]!.toLowerCase());
}

export interface PlatformStep {
  action: PlatformActionId;
  label: string;
  url: string;
}

const LABELS: Record<PlatformActionId, Record<Lang, string>> = {
  'remove-connection': {
    en: 'Remove the connection on LinkedIn (they are not notified)',
    de: 'Kontakt auf LinkedIn entfernen (die Person wird nicht benachrichtigt)',
  },
  'narrow-email-audience': {
    en: 'Narrow "Who can see your email address" to "Only visible to me"',
    de: '„Wer kann Ihre E-Mail-Adresse sehen“ auf „Nur für mich sichtbar“ stellen',
  },
  'narrow-phone-audience': {
    en: 'Remove your phone number from "Contact info" or hide it from connections',
    de: 'Telefonnummer aus den „Kontaktinfos“ entfernen oder für Kontakte verbergen',
  },
};

/**
 * The concrete step on the platform that carries out a revocation, with the page to do it on.
 * Removing a connection happens on the contact's profile ("More" → "Remove connection").
 */
export function platformStep(action: PlatformActionId, lang: Lang, profileUrl: string | null): PlatformStep {
  const url =
    action === 'remove-connection'
      ? profileUrl && isAllowedExternalUrl(profileUrl)
        ? profileUrl
        : 'https://www.linkedin.com/mynetwork/invite-connect/connections/'
      : action === 'narrow-email-audience'
        ? 'https://www.linkedin.com/psettings/privacy/email'
        : 'https://www.linkedin.com/psettings/privacy';
  return { action, label: LABELS[action][lang], url };
}
