/** Address books and XING vCards as their exporters write them, generated: nobody real in them. */

/** A XING single-contact vCard: 2.1, with one property in ISO-8859-1 and another in UTF-8. */
export function xingVCard(opts: {
  first: string;
  last: string;
  company: string;
  email: string;
  mobile: string;
  categories: string;
  slug: string;
}): Buffer {
  const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
  const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
  return Buffer.concat([
    utf8('BEGIN:VCARD\r\nVERSION:2.1\r\nPRODID:-//XING//www.xing.com//DE\r\n'),
    latin1(`N;CHARSET=ISO-8859-1:${opts.last};${opts.first}\r\n`),
    utf8(`FN;CHARSET=UTF-8:${opts.first} ${opts.last}\r\n`),
    latin1(`ORG;CHARSET=ISO-8859-1:${opts.company}\r\n`),
    utf8(`TEL;TYPE=cell,work:${opts.mobile}\r\n`),
    utf8(`EMAIL;TYPE=internet;type=WORK;type=pref:${opts.email}\r\n`),
    utf8(`URL;TYPE=WORK:https://www.xing.com/profile/${opts.slug}\r\n`),
    utf8(`CATEGORIES;CHARSET=UTF-8:${opts.categories}\r\n`),
    utf8('END:VCARD\r\n'),
  ]);
}

export const GOOGLE_CURRENT = [
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Website 1 - Label,Website 1 - Value',
  'Erika,,Musterfrau,,,,,,,,Beispiel GmbH,Projektleiterin,,--03-01,,,* myContacts ::: Kunde,* Work,Erika.Musterfrau@Beispiel.example ::: e.m@gmx.de,,,Mobile,+49 (0)171 5550101,Work,030 5550102,Profile,https://www.linkedin.com/in/erika-musterfrau-1a2b',
  'Hans,,Beispiel,,,,,,,,,,,,,,* myContacts,Home,hans@beispiel.example,,,,,,,,',
].join('\n');

export const GOOGLE_LEGACY = [
  'Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title',
  'Jürgen Öztürk,Jürgen,,Öztürk,,,,,,,,,,,,,,,,,,,,,,,,,* My Contacts ::: Partner,* Work,juergen@oeztuerk.example,Mobile,0171 5550103,,Öztürk Consulting,Inhaber',
].join('\r\n');

export const OUTLOOK_EN = [
  "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes,Categories",
  'Max,,Mustermann,,,,,,max@muster.example,,,,,+49 40 5550104,,0160 5550105,,,,,,,,,,,,,,Recruiter,,Muster AG,,,,,,,,,,,,,,,,,,,,,,,,,,,3/7/1980,,,Recruiting',
].join('\r\n');

/** German Outlook: translated headers, ";" as delimiter, Windows-1252. */
export const OUTLOOK_DE = Buffer.from(
  [
    'Anrede;Vorname;Weitere Vornamen;Nachname;Suffix;Firma;Abteilung;Position;Straße geschäftlich;Ort geschäftlich;Telefon geschäftlich;Telefon geschäftlich 2;Mobiltelefon;Telefon privat;E-Mail-Adresse;E-Mail-Typ;E-Mail: angezeigter Name;E-Mail 2: Adresse;Geburtstag;Kategorien',
    'Frau;Jördis;;Weiß;;Grünwald & Söhne KG;;Geschäftsführerin;Hauptstraße 1;München;089 5550106;;0151 55501077;;joerdis@gruenwald.example;SMTP;Jördis Weiß;j.weiss@web.de;7.3.1975;"Lieferant;Persönlich getroffen"',
  ].join('\r\n') + '\r\n',
  'latin1',
);
