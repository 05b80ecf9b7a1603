import type { Lang } from '../../shared/domain';

const STRINGS = {
  tagline: {
    en: 'Who can see your contact details — and taking them back',
    de: 'Wer Ihre Kontaktdaten sieht — und wie Sie sie zurückholen',
  },
  import: { en: 'Import…', de: 'Importieren…' },
  loadDemo: { en: 'Load demo data', de: 'Demodaten laden' },
  exportReport: { en: 'Export report', de: 'Bericht exportieren' },
  emptyTitle: { en: 'No data yet', de: 'Noch keine Daten' },
  emptyText: {
    en: 'Import your LinkedIn data export (the ZIP from "Get a copy of your data", or Connections.csv) — or drop it onto this window. Everything stays on this computer.',
    de: 'Importieren Sie Ihren LinkedIn-Datenexport (das ZIP aus „Kopie Ihrer Daten anfordern“ oder Connections.csv) — oder ziehen Sie ihn in dieses Fenster. Alles bleibt auf diesem Computer.',
  },
  dropHere: { en: 'Drop files to import', de: 'Dateien zum Import hier ablegen' },
  connections: { en: 'Connections', de: 'Kontakte' },
  canSeeEmail: { en: 'Can see my email', de: 'Sehen meine E-Mail' },
  canSeeMobile: { en: 'Can see my mobile', de: 'Sehen meine Mobilnummer' },
  unfamiliar: { en: 'Of those, unfamiliar', de: 'Davon unbekannt' },
  assumedBanner: {
    en: 'You have not declared your sharing settings yet: ShareAudit assumes LinkedIn\'s documented defaults (primary email, phone and birthday visible to all 1st-degree connections). Everything based on them is marked "assumed".',
    de: 'Sie haben Ihre Freigabe-Einstellungen noch nicht angegeben: ShareAudit nimmt LinkedIns dokumentierte Voreinstellungen an (primäre E-Mail, Telefon und Geburtstag für alle Kontakte 1. Grades sichtbar). Alles, was darauf beruht, ist als „angenommen“ markiert.',
  },
  assumed: { en: 'assumed', de: 'angenommen' },
  chartTitle: { en: 'Who can see which detail', de: 'Wer welches Detail sieht' },
  familiar: { en: 'Visible, familiar', de: 'Sichtbar, bekannt' },
  visibleUnfamiliar: { en: 'Visible, unfamiliar', de: 'Sichtbar, unbekannt' },
  revoked: { en: 'Revocation planned', de: 'Widerruf geplant' },
  findings: { en: 'Findings', de: 'Befunde' },
  noFindings: { en: 'No open findings. Nice.', de: 'Keine offenen Befunde. Sehr gut.' },
  search: { en: 'Search name, company…', de: 'Name, Firma suchen…' },
  all: { en: 'All', de: 'Alle' },
  revoke: { en: 'Revoke', de: 'Widerrufen' },
  revokeSelected: { en: 'Revoke selected', de: 'Auswahl widerrufen' },
  selectAll: { en: 'Select all shown', de: 'Alle angezeigten auswählen' },
  evidence: { en: 'Why', de: 'Warum' },
  undo: { en: 'Undo', de: 'Rückgängig' },
  revokedToast: { en: 'Revocation planned for {n} finding(s).', de: 'Widerruf für {n} Befund(e) geplant.' },
  undoneToast: { en: 'Undone.', de: 'Rückgängig gemacht.' },
  nextStep: { en: 'Now do this on the platform:', de: 'Jetzt auf der Plattform erledigen:' },
  revocations: { en: 'Planned revocations', de: 'Geplante Widerrufe' },
  revocationsHint: {
    en: 'Each stays planned until a later import shows it was applied on the platform.',
    de: 'Jeder bleibt geplant, bis ein späterer Import zeigt, dass er auf der Plattform umgesetzt wurde.',
  },
  importing: { en: 'Importing…', de: 'Importiere…' },
  uploading: { en: 'Reading files…', de: 'Lese Dateien…' },
  cancel: { en: 'Cancel', de: 'Abbrechen' },
  close: { en: 'Close', de: 'Schließen' },
  importDone: { en: 'Import finished', de: 'Import abgeschlossen' },
  importFailed: { en: 'Import failed — nothing was changed', de: 'Import fehlgeschlagen — nichts wurde geändert' },
  importCounts: {
    en: '{added} added · {updated} updated · {unchanged} unchanged · {removed} removed',
    de: '{added} neu · {updated} geändert · {unchanged} unverändert · {removed} entfernt',
  },
  rows: { en: 'rows', de: 'Zeilen' },
  ignored: { en: 'Ignored (not needed for the audit)', de: 'Ignoriert (für das Audit nicht nötig)' },
  warnings: { en: 'Warnings', de: 'Warnungen' },
  reportSaved: { en: 'Report saved: {path}', de: 'Bericht gespeichert: {path}' },
  local: { en: 'Local only — nothing leaves this computer', de: 'Nur lokal — nichts verlässt diesen Computer' },
  showMore: { en: 'Show more', de: 'Mehr anzeigen' },
  severity: { en: 'Severity', de: 'Schwere' },
  reviewTitle: { en: 'Ready to import', de: 'Bereit zum Import' },
  reviewHint: {
    en: 'This is what ShareAudit recognised. Nothing is changed until you import; an import is all or nothing.',
    de: 'Das hat ShareAudit erkannt. Bis zum Import wird nichts verändert; ein Import gilt ganz oder gar nicht.',
  },
  inspecting: { en: 'Recognising files…', de: 'Erkenne Dateien…' },
  willIgnore: { en: 'ignored (not needed for the audit)', de: 'ignoriert (für das Audit nicht nötig)' },
  importNow: { en: 'Import', de: 'Importieren' },
  history: { en: 'History', de: 'Verlauf' },
  historyTitle: { en: 'Import history', de: 'Importverlauf' },
  noHistory: { en: 'No imports yet.', de: 'Noch keine Importe.' },
  settings: { en: 'Settings', de: 'Einstellungen' },
  phoneRegion: {
    en: 'Region for phone numbers without country code',
    de: 'Region für Telefonnummern ohne Ländervorwahl',
  },
  save: { en: 'Save', de: 'Speichern' },
  saved: { en: 'Settings saved.', de: 'Einstellungen gespeichert.' },
  demoRun: { en: 'demo data', de: 'Demodaten' },
  sharing: { en: 'Sharing', de: 'Freigaben' },
  sharingTitle: { en: 'What you share', de: 'Was Sie freigeben' },
  sharingHint: {
    en: 'Neither network exports these settings: declare them here. Anything you have not declared is the platform default and marked "assumed".',
    de: 'Kein Netzwerk exportiert diese Einstellungen: geben Sie sie hier an. Was Sie nicht angeben, ist die Voreinstellung der Plattform und als „angenommen“ markiert.',
  },
  emailVisibility: { en: 'Who can see your email address', de: 'Wer Ihre E-Mail-Adresse sehen kann' },
  phoneVisibility: { en: 'Who can see your phone number', de: 'Wer Ihre Telefonnummer sehen kann' },
  birthdayVisibility: { en: 'Who can see your birthday', de: 'Wer Ihren Geburtstag sehen kann' },
  allowDownload: { en: 'Connections may download your email', de: 'Kontakte dürfen Ihre E-Mail herunterladen' },
  confirmShown: { en: 'Confirm as shown', de: 'So bestätigen' },
  xingModel: { en: 'XING sharing model', de: 'XING-Freigabemodell' },
  perContact: { en: 'per contact (older)', de: 'pro Kontakt (älter)' },
  categoryModel: { en: 'categories (newer)', de: 'Kategorien (neuer)' },
  category_business: { en: 'Business contact details', de: 'Geschäftliche Kontaktdaten' },
  category_private: { en: 'Private contact details', de: 'Private Kontaktdaten' },
  category_birthday: { en: 'Birthday', de: 'Geburtstag' },
  xingDefaults: {
    en: '"Als Standard" defaults (from date, details)',
    de: '„Als Standard“-Freigaben (ab Datum, Daten)',
  },
  addDefault: { en: 'Add default', de: 'Standard hinzufügen' },
  remove: { en: 'remove', de: 'entfernen' },
  since: { en: 'since', de: 'seit' },
  grantsCount: {
    en: '{n} explicit per-contact grant(s) declared; import a CSV to replace them (docs/xing-grants-template.csv).',
    de: '{n} einzelne Freigabe(n) angegeben; eine CSV-Datei ersetzt sie (docs/xing-grants-template.csv).',
  },
  preview: {
    en: 'Preview: {findings} findings (now {before}), exposure score {score} (now {scoreBefore}).',
    de: 'Vorschau: {findings} Befunde (jetzt {before}), Exposure-Score {score} (jetzt {scoreBefore}).',
  },
  importFile: { en: 'Import file…', de: 'Datei importieren…' },
  exportFile: { en: 'Export', de: 'Exportieren' },
  sharingSaved: { en: 'Sharing settings saved.', de: 'Freigabe-Einstellungen gespeichert.' },
  score: { en: 'Exposure score', de: 'Exposure-Score' },
  declare: { en: 'Declare settings', de: 'Einstellungen angeben' },
  policy: { en: 'Policy', de: 'Richtlinie' },
  policyTitle: { en: 'Your policy', de: 'Ihre Richtlinie' },
  policySaved: { en: 'Policy saved.', de: 'Richtlinie gespeichert.' },
  sensitiveFields: { en: 'Private details (share only with people you know)', de: 'Private Daten (nur für Bekannte)' },
  familiarityTitle: { en: 'Familiarity: points per piece of evidence', de: 'Vertrautheit: Punkte je Beleg' },
  wTwoWay: { en: 'Two-way messages', de: 'Wechselseitige Nachrichten' },
  wAddressBook: { en: 'In an address book', de: 'Im Adressbuch' },
  wAddressBookByName: { en: 'In an address book (by name only)', de: 'Im Adressbuch (nur per Name)' },
  wTrustedTag: { en: 'A trusted tag', de: 'Ein vertrauter Tag' },
  wInvitation: { en: 'You invited them personally', de: 'Persönlich eingeladen' },
  wSilentYear: { en: 'Per year without exchange', de: 'Je Jahr ohne Austausch' },
  knownAt: { en: 'Known from (points)', de: 'Bekannt ab (Punkte)' },
  acquaintedAt: { en: 'Acquainted from (points)', de: 'Flüchtig bekannt ab (Punkte)' },
  staleYears: { en: 'Stale after (years without exchange)', de: 'Veraltet nach (Jahren ohne Austausch)' },
  trustedTags: { en: 'Trusted tags (one per line)', de: 'Vertraute Tags (einer je Zeile)' },
  collectorRoles: { en: 'Roles that pitch (one per line)', de: 'Verkaufende Rollen (eine je Zeile)' },
  collectorPhrases: {
    en: 'Generic invitation phrases (one per line)',
    de: 'Allgemeine Einladungsfloskeln (eine je Zeile)',
  },
  mute: { en: 'Mute', de: 'Stummschalten' },
  unmute: { en: 'Unmute', de: 'Wieder aktivieren' },
  muteReason: { en: 'Why? (e.g. "my assistant")', de: 'Warum? (z. B. „meine Assistenz“)' },
  muteUntil: { en: 'Until (optional)', de: 'Bis (optional)' },
  mutedNote: { en: 'Muted: {reason} (until {until})', de: 'Stummgeschaltet: {reason} (bis {until})' },
  muted: { en: 'Finding muted.', de: 'Befund stummgeschaltet.' },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

const KINDS: Record<string, Record<Lang, string>> = {
  'linkedin-connections': { en: 'LinkedIn connections', de: 'LinkedIn-Kontakte' },
  'linkedin-messages': { en: 'LinkedIn messages (counts only)', de: 'LinkedIn-Nachrichten (nur Anzahl)' },
  'linkedin-invitations': { en: 'LinkedIn invitations', de: 'LinkedIn-Einladungen' },
  'linkedin-emails': { en: 'your LinkedIn email addresses', de: 'Ihre LinkedIn-E-Mail-Adressen' },
  'linkedin-phones': { en: 'your LinkedIn phone numbers', de: 'Ihre LinkedIn-Telefonnummern' },
  'linkedin-contacts': { en: 'address book uploaded to LinkedIn', de: 'zu LinkedIn hochgeladenes Adressbuch' },
  'linkedin-profile': { en: 'your LinkedIn profile', de: 'Ihr LinkedIn-Profil' },
  'xing-vcard': { en: 'XING contact (vCard)', de: 'XING-Kontakt (vCard)' },
  vcard: { en: 'address book (vCard)', de: 'Adressbuch (vCard)' },
  'google-csv': { en: 'Google Contacts (CSV)', de: 'Google-Kontakte (CSV)' },
  'outlook-csv': { en: 'Outlook contacts (CSV)', de: 'Outlook-Kontakte (CSV)' },
};

export function kindLabel(lang: Lang, kind: string): string {
  return KINDS[kind]?.[lang] ?? kind;
}

export function t(lang: Lang, key: StringKey, data: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (whole, k: string) => (k in data ? String(data[k]) : whole));
}

export function initialLang(): Lang {
  const saved = localStorage.getItem('shareaudit.lang');
  if (saved === 'de' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}
