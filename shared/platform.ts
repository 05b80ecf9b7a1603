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
  'narrow-birthday-audience': {
    en: 'Show your birthday to "Only you", or without the year',
    de: 'Geburtstag nur für Sie sichtbar machen, oder ohne Jahr',
  },
  'switch-off-email-download': {
    en: 'Switch off "Allow your connections to download your email"',
    de: '„Kontakten erlauben, Ihre E-Mail-Adresse herunterzuladen“ ausschalten',
  },
  'delete-uploaded-contacts': {
    en: 'Delete the imported contacts and stop syncing on LinkedIn',
    de: 'Importierte Kontakte auf LinkedIn löschen und die Synchronisierung beenden',
  },
  'change-xing-default': {
    en: 'On XING, save a default ("Als Standard") without private details',
    de: 'Auf XING eine Standard-Freigabe („Als Standard“) ohne private Daten speichern',
  },
  'revoke-xing-grant': {
    en: 'On XING, edit the data release ("Datenfreigabe bearbeiten") for this member',
    de: 'Auf XING die Datenfreigabe für dieses Mitglied bearbeiten',
  },
  'exclude-xing-contact': {
    en: 'On XING, exclude this contact from the category',
    de: 'Auf XING diesen Kontakt von der Kategorie ausnehmen',
  },
  'narrow-xing-category': {
    en: 'On XING, set the category to "My contacts" or "Nobody"',
    de: 'Auf XING die Kategorie auf „Meine Kontakte“ oder „Niemand“ stellen',
  },
};

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
  const label = onXing
    ? { en: 'Remove the contact on XING', de: 'Kontakt auf XING entfernen' }[lang]
    : LABELS[action][lang];
  return { action, label, url };
}
