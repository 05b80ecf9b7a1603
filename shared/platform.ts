import type { Lang, PlatformActionId } from './domain';
import { message } from './i18n';

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

/** LinkedIn's "Get a copy of your data": where a newer export is requested (the re-audit reminder links it). */
export const DATA_EXPORT_PAGE = 'https://www.linkedin.com/mypreferences/d/download-my-data';

export interface PlatformStep {
  action: PlatformActionId;
  label: string;
  url: string;
}

const PAGES: Record<Exclude<PlatformActionId, 'remove-connection'>, string> = {
  'narrow-email-audience': 'https://www.linkedin.com/psettings/privacy/email',
  'switch-off-email-download': 'https://www.linkedin.com/psettings/privacy/email',
  'narrow-phone-audience': 'https://www.linkedin.com/psettings/privacy',
  'narrow-birthday-audience': 'https://www.linkedin.com/psettings/privacy',
  'delete-uploaded-contacts': 'https://www.linkedin.com/mynetwork/settings/manage-syncing/',
  'change-xing-default': 'https://www.xing.com/settings/privacy',
  'revoke-xing-grant': 'https://www.xing.com/settings/privacy',
  'exclude-xing-contact': 'https://www.xing.com/settings/privacy',
  'narrow-xing-category': 'https://www.xing.com/settings/privacy',
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
      : PAGES[action];
  // Removing a contact works the same on XING: the profile is the page to do it on.
  const onXing =
    action === 'remove-connection' && profileUrl !== null && /^https:\/\/(www\.)?xing\.com\//.test(profileUrl);
  const label = message(lang, onXing ? 'step.remove-xing-contact' : `step.${action}`);
  return { action, label, url };
}
