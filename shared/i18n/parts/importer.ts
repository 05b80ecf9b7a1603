/**
 * Messages of the importer domain (ICU MessageFormat), merged into the one catalogue in ../en.ts and ../de.ts.
 * Keys start with "importer." so each domain owns its own names; the German entries must match the English keys.
 *
 * Each reason why a file cannot be imported, and each warning about a line of it, is a key of its own
 * with its values (never English text): the importer hands them on as data (ImportNote in
 * shared/contract.ts, the ImportError's messageId and values), and each reader — the app, the CLI,
 * the history — shows them in their language. Every message names where: the file, and the line when
 * known (`line` is "none" when there is none).
 */

/** Where the reason was found; prefixed to each reason below. */
const AT = {
  en: '{file}{line, select, none {} other {, line {line}}}: ',
  de: '{file}{line, select, none {} other {, Zeile {line}}}: ',
} as const;

/** The reasons, English: the text after "file, line N: ". */
const reasonsEn = {
  // Errors: the file cannot be imported (nothing is).
  cannotRead: 'cannot read ({detail})',
  notFound: 'file not found or not readable',
  notRegularFile: 'not a regular file (a pipe, socket or device), refused',
  unrecognised: 'not a file ShareAudit can read (no known export or address-book header found)',
  emptyFile: 'empty file',
  noFiles: 'no export or address-book files found',
  fileTooLarge: 'larger than {max} bytes',
  tooManyPeople: 'more than {max} people in the messages',
  csvBinary: 'binary data, not a text/CSV file',
  csvUnterminatedQuote: 'malformed CSV (unterminated quoted field (truncated file?))',
  csvRecordTooLong: 'malformed CSV (record longer than {mb} MB)',
  csvRecordTooLongQuote: 'malformed CSV (record longer than {mb} MB (unterminated quote?))',
  vcardBinary: 'binary data, not a vCard file',
  vcardNoBegin: 'not a vCard file (it does not start with BEGIN:VCARD)',
  vcardNoProperties: 'not a vCard file (no properties found)',
  vcardLineTooLong: 'line longer than {max} bytes',
  vcardCardTooLarge: 'card larger than {max} bytes, more than one card may hold',
  vcardTooManyProperties: 'card with more than {max} properties, more than one card may hold',
  zipUnreadable: 'not a readable ZIP archive ({detail})',
  zipDamaged: 'damaged ZIP archive ({detail})',
  zipEntryUnreadable: 'cannot read entry ({detail})',
  zipEntryDamaged:
    'damaged entry: {damage, select, crc {its checksum does not match its content} fewer {it holds fewer bytes than the archive states} more {it holds more bytes than the archive states} other {the archive ends inside it}}',
  zipTooManyEntries: 'ZIP holds {entries} entries, more than the {max} allowed',
  zipUnsafePath: 'unsafe path in ZIP (absolute or with "..")',
  zipSymlink: 'symbolic links in ZIP archives are refused',
  zipEncrypted: 'encrypted ZIP entries are refused',
  zipEntryTooLarge: 'entry expands to {size} bytes, more than the {max} allowed',
  zipTooLarge: 'archive expands to more than the {max} bytes allowed',
  zipEntryRatio: 'compression ratio {ratio}:1 is beyond {max}:1 (zip bomb?)',
  zipRatio: 'archive expands {ratio}:1, beyond {max}:1 (zip bomb?)',
  settingsTooLarge: 'larger than 64 MB: not a settings file',
  settingsNotJson: 'not valid JSON ({detail})',
  settingsInvalid: '{path, select, none {document} other {{path}}}: {detail}',
  grantsColumns: 'a grants CSV needs the columns "member" and "field" (see docs/xing-grants-template.csv)',
  grantsNoMember: 'no member name',
  grantsBadField: '"{value}" is not a detail (use one of {fields})',
  grantsBadDate: '"{value}" is not a date',
  // Warnings: the import went on, without what is named.
  urlNotWeb: 'a URL that is not http(s), ignored',
  cardEmpty: 'card without name, email or phone, skipped',
  cardNoEnd: 'card without END:VCARD (truncated file?), kept as far as it goes',
  valueTooLong: '{property} longer than {max} bytes, skipped',
  entryEmpty: 'entry without name, email or phone, skipped',
  messageNoParties: 'message without sender or recipient, skipped',
  connectionEmpty: 'connection without name or profile URL, skipped',
  invitationEmpty: 'invitation without the other person, skipped',
  emailInvalidKept: '"{email}" is not an email address, kept without it',
  emailInvalidSkipped: '"{email}" is not an email address, skipped',
  phoneInvalid: '"{number}" is not a phone number, skipped',
  dateUnreadable: 'unreadable date "{value}", kept without date',
  birthDateUnreadable: 'unreadable birth date "{value}", ignored',
  nulRemoved: 'NUL bytes removed',
  notUtf8: 'bytes that are not UTF-8, read as Windows-1252',
  moreNul: '{n, plural, one {# more line} other {# more lines}} with NUL bytes removed',
  moreNotUtf8:
    '{n, plural, one {# more line} other {# more lines}} with bytes that are not UTF-8, read as Windows-1252',
  wholeFileCp1252: 'not UTF-8, so the whole file was read as Windows-1252',
  massRemoval:
    '{removed, number} of your {current, number} connections ({share, number, percent}) are not in this export and are now marked removed. If the export is incomplete, import a complete one.',
} as const;

/** A reason: what an ImportError or a warning says (without the file and line it names). */
export type ImportReason = keyof typeof reasonsEn;

/** The same reasons in German (Sie-form). */
const reasonsDe: Record<ImportReason, string> = {
  cannotRead: 'kann nicht gelesen werden ({detail})',
  notFound: 'Datei nicht gefunden oder nicht lesbar',
  notRegularFile: 'keine gewöhnliche Datei (eine Pipe, ein Socket oder ein Gerät), abgelehnt',
  unrecognised: 'keine Datei, die ShareAudit lesen kann (kein bekannter Export- oder Adressbuch-Kopf gefunden)',
  emptyFile: 'leere Datei',
  noFiles: 'keine Export- oder Adressbuchdateien gefunden',
  fileTooLarge: 'größer als {max} Byte',
  tooManyPeople: 'mehr als {max} Personen in den Nachrichten',
  csvBinary: 'Binärdaten, keine Text- oder CSV-Datei',
  csvUnterminatedQuote:
    'fehlerhafte CSV-Datei (ein Feld in Anführungszeichen endet nicht – ist die Datei abgeschnitten?)',
  csvRecordTooLong: 'fehlerhafte CSV-Datei (ein Datensatz ist länger als {mb} MB)',
  csvRecordTooLongQuote:
    'fehlerhafte CSV-Datei (ein Datensatz ist länger als {mb} MB – ein Anführungszeichen nicht geschlossen?)',
  vcardBinary: 'Binärdaten, keine vCard-Datei',
  vcardNoBegin: 'keine vCard-Datei (sie beginnt nicht mit BEGIN:VCARD)',
  vcardNoProperties: 'keine vCard-Datei (keine Eigenschaften gefunden)',
  vcardLineTooLong: 'Zeile länger als {max} Byte',
  vcardCardTooLarge: 'Karte größer als {max} Byte – mehr, als eine Karte enthalten darf',
  vcardTooManyProperties: 'Karte mit mehr als {max} Eigenschaften – mehr, als eine Karte enthalten darf',
  zipUnreadable: 'kein lesbares ZIP-Archiv ({detail})',
  zipDamaged: 'beschädigtes ZIP-Archiv ({detail})',
  zipEntryUnreadable: 'Eintrag kann nicht gelesen werden ({detail})',
  zipEntryDamaged:
    'beschädigter Eintrag: {damage, select, crc {seine Prüfsumme passt nicht zu seinem Inhalt} fewer {er enthält weniger Bytes, als das Archiv angibt} more {er enthält mehr Bytes, als das Archiv angibt} other {das Archiv endet mitten in ihm}}',
  zipTooManyEntries: 'das ZIP enthält {entries} Einträge, mehr als die erlaubten {max}',
  zipUnsafePath: 'unsicherer Pfad im ZIP (absolut oder mit „..“)',
  zipSymlink: 'symbolische Links in ZIP-Archiven werden abgelehnt',
  zipEncrypted: 'verschlüsselte ZIP-Einträge werden abgelehnt',
  zipEntryTooLarge: 'der Eintrag ist entpackt {size} Byte groß, mehr als die erlaubten {max} Byte',
  zipTooLarge: 'das Archiv ist entpackt größer als die erlaubten {max} Byte',
  zipEntryRatio: 'Kompressionsverhältnis {ratio}:1 liegt über {max}:1 (ZIP-Bombe?)',
  zipRatio: 'das Archiv wird im Verhältnis {ratio}:1 entpackt, über {max}:1 (ZIP-Bombe?)',
  settingsTooLarge: 'größer als 64 MB: keine Einstellungsdatei',
  settingsNotJson: 'kein gültiges JSON ({detail})',
  settingsInvalid: '{path, select, none {Dokument} other {{path}}}: {detail}',
  grantsColumns: 'eine Freigaben-CSV braucht die Spalten „member“ und „field“ (siehe docs/xing-grants-template.csv)',
  grantsNoMember: 'kein Mitgliedsname',
  grantsBadField: '„{value}“ ist keine Angabe (verwenden Sie eine von {fields})',
  grantsBadDate: '„{value}“ ist kein Datum',
  urlNotWeb: 'eine Adresse, die keine http(s)-URL ist, wurde ignoriert',
  cardEmpty: 'Karte ohne Namen, E-Mail-Adresse oder Telefonnummer, übersprungen',
  cardNoEnd: 'Karte ohne END:VCARD (ist die Datei abgeschnitten?), so weit übernommen, wie sie reicht',
  valueTooLong: '{property} länger als {max} Byte, übersprungen',
  entryEmpty: 'Eintrag ohne Namen, E-Mail-Adresse oder Telefonnummer, übersprungen',
  messageNoParties: 'Nachricht ohne Absender oder Empfänger, übersprungen',
  connectionEmpty: 'Kontakt ohne Namen oder Profil-URL, übersprungen',
  invitationEmpty: 'Einladung ohne die andere Person, übersprungen',
  emailInvalidKept: '„{email}“ ist keine E-Mail-Adresse; der Eintrag wurde ohne sie übernommen',
  emailInvalidSkipped: '„{email}“ ist keine E-Mail-Adresse, übersprungen',
  phoneInvalid: '„{number}“ ist keine Telefonnummer, übersprungen',
  dateUnreadable: 'unlesbares Datum „{value}“; der Eintrag wurde ohne Datum übernommen',
  birthDateUnreadable: 'unlesbares Geburtsdatum „{value}“, ignoriert',
  nulRemoved: 'NUL-Bytes entfernt',
  notUtf8: 'Bytes, die kein UTF-8 sind, als Windows-1252 gelesen',
  moreNul: '{n, plural, one {# weitere Zeile} other {# weitere Zeilen}} mit entfernten NUL-Bytes',
  moreNotUtf8:
    '{n, plural, one {# weitere Zeile} other {# weitere Zeilen}} mit Bytes, die kein UTF-8 sind, als Windows-1252 gelesen',
  wholeFileCp1252: 'kein UTF-8, daher wurde die ganze Datei als Windows-1252 gelesen',
  massRemoval:
    '{removed, number} Ihrer {current, number} Kontakte ({share, number, percent}) sind nicht in diesem Export und gelten jetzt als entfernt. Ist der Export unvollständig, importieren Sie einen vollständigen.',
};

type Keyed = { readonly [K in ImportReason as `importer.${K}`]: string };

function keyed(reasons: Record<ImportReason, string>, at: string): Keyed {
  return Object.fromEntries(Object.entries(reasons).map(([key, text]) => [`importer.${key}`, at + text])) as Keyed;
}

/** A message key of a reason, with where it was found. */
export type ImportReasonKey = keyof Keyed;

export const importerEn = {
  ...keyed(reasonsEn, AT.en),
  /** A warning recorded as text, before warnings were kept as data (import runs of older versions). */
  'importer.recorded': '{text}',
  // The user's own details as imported, corrected in the Sharing dialog (renderer/src/MyDetailsEditor.tsx).
  'importer.detailType': 'Type',
  'importer.detailValue': 'Value',
  'importer.detailLabel': 'Label (e.g. Work, WhatsApp)',
  'importer.detailLabelShort': 'Label',
  'importer.detailPrimary': 'primary',
  'importer.detailAdd': 'Add a detail',
  'importer.detailRemove': 'Remove',
  'importer.detailNone': 'No details yet: add those you share.',
} as const;

export const importerDe: Record<keyof typeof importerEn, string> = {
  ...keyed(reasonsDe, AT.de),
  'importer.recorded': '{text}',
  'importer.detailType': 'Art',
  'importer.detailValue': 'Wert',
  'importer.detailLabel': 'Bezeichnung (z. B. Arbeit, WhatsApp)',
  'importer.detailLabelShort': 'Bezeichnung',
  'importer.detailPrimary': 'primär',
  'importer.detailAdd': 'Angabe hinzufügen',
  'importer.detailRemove': 'Entfernen',
  'importer.detailNone': 'Noch keine Angaben: Fügen Sie hinzu, was Sie teilen.',
};
