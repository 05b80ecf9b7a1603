import type { DetailField, Evidence, Familiarity, Lang, Severity } from './domain';

export const FIELD_LABELS: Record<DetailField, Record<Lang, string>> = {
  businessEmail: { en: 'business email', de: 'geschäftliche E-Mail' },
  privateEmail: { en: 'private email', de: 'private E-Mail' },
  phone: { en: 'phone number', de: 'Telefonnummer' },
  mobile: { en: 'mobile number', de: 'Mobilnummer' },
  address: { en: 'address', de: 'Adresse' },
  birthday: { en: 'birthday', de: 'Geburtstag' },
};

export const SEVERITY_LABELS: Record<Severity, Record<Lang, string>> = {
  high: { en: 'high', de: 'hoch' },
  medium: { en: 'medium', de: 'mittel' },
  low: { en: 'low', de: 'niedrig' },
};

export const FAMILIARITY_LABELS: Record<Familiarity, Record<Lang, string>> = {
  known: { en: 'known', de: 'bekannt' },
  acquainted: { en: 'acquainted', de: 'flüchtig bekannt' },
  unfamiliar: { en: 'unfamiliar', de: 'unbekannt' },
};

const EVIDENCE_TEXT: Record<Evidence['kind'], Record<Lang, string>> = {
  'two-way-messages': {
    en: 'Two-way messages: {sent} sent, {received} received, last on {lastAt}',
    de: 'Wechselseitige Nachrichten: {sent} gesendet, {received} empfangen, zuletzt am {lastAt}',
  },
  'one-way-messages': {
    en: 'Only one-way messages: {sent} sent, {received} received — you never had an exchange',
    de: 'Nur einseitige Nachrichten: {sent} gesendet, {received} empfangen — nie ein Austausch',
  },
  'no-messages': {
    en: 'No messages ever exchanged',
    de: 'Nie Nachrichten ausgetauscht',
  },
  'in-address-book': {
    en: 'In your address book {source}: {match}',
    de: 'In Ihrem Adressbuch {source}: {match}',
  },
  'trusted-tag': {
    en: 'Tagged "{tag}", one of your trusted tags',
    de: 'Markiert mit „{tag}“, einem Ihrer vertrauten Tags',
  },
  'personal-invitation': {
    en: 'You invited them with a personal note on {sentAt}',
    de: 'Sie haben die Person am {sentAt} mit persönlicher Nachricht eingeladen',
  },
  'silent-years': {
    en: 'Connected for {years} years without any exchange',
    de: 'Seit {years} Jahren verbunden, ohne jeden Austausch',
  },
  'generic-invitation': {
    en: 'Their invitation was generic: "{text}"',
    de: 'Ihre Einladung war allgemein gehalten: „{text}“',
  },
  'pitching-role': {
    en: 'Their role pitches: {position}',
    de: 'Ihre Rolle ist auf Verkauf aus: {position}',
  },
  'unanswered-pitch': {
    en: 'They wrote {received} message(s); you never answered',
    de: 'Sie haben {received} Nachricht(en) geschrieben; Sie haben nie geantwortet',
  },
  'assumed-setting': {
    en: "Assumed: LinkedIn's default makes this visible to all 1st-degree connections (you have declared nothing)",
    de: 'Angenommen: LinkedIns Voreinstellung zeigt dies allen Kontakten 1. Grades (Sie haben nichts angegeben)',
  },
  'declared-setting': {
    en: 'Declared: visible to {audience} on {network}',
    de: 'Angegeben: sichtbar für {audience} auf {network}',
  },
};

/** Fill {placeholders}; a field name placeholder is translated. */
export function format(template: string, data: Record<string, string | number>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = data[key];
    if (value === undefined) return whole;
    if (key === 'field' && typeof value === 'string' && value in FIELD_LABELS) {
      return FIELD_LABELS[value as DetailField][lang];
    }
    return String(value);
  });
}

export function evidenceText(evidence: Evidence, lang: Lang): string {
  return format(EVIDENCE_TEXT[evidence.kind][lang], evidence.data, lang);
}
