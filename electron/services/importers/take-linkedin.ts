import { emailField, type FileResult } from './linkedin';
import type { Result } from './linkedin-kinds';
import type { Gathered } from './gather';
import { normaliseBirthday, phoneDetail } from './normalise';
import type { SourceFile } from './source';
import type { OwnDetailInput } from './write';

/** Puts what a LinkedIn export file holds where it belongs in what was gathered. */
export function takeLinkedIn(gathered: Gathered, file: SourceFile, result: FileResult): void {
  const out = gathered.out;
  switch (result.kind) {
    case 'linkedin-connections':
      out.connections ??= new Map();
      for (const c of result.connections) out.connections.set(c.key, c);
      break;
    case 'linkedin-messages':
      out.messages.push(result);
      break;
    case 'linkedin-invitations':
      out.invitations.push(...result.invitations);
      break;
    case 'linkedin-emails':
      takeOwnEmails(gathered, file, result);
      break;
    case 'linkedin-phones':
      takeOwnPhones(gathered, file, result);
      break;
    case 'linkedin-contacts':
      takeUploadedBook(gathered, file, result);
      break;
    case 'linkedin-profile':
      if (result.birthDate)
        out.birthday = {
          field: 'birthday',
          value: result.birthDate,
          source: file.name,
          label: null,
          primary: null,
          confirmed: null,
        };
      break;
  }
}

/** Every address, primary or not: only the primary one is visible to connections (exposure.ts). */
function takeOwnEmails(gathered: Gathered, file: SourceFile, result: Result<'linkedin-emails'>): void {
  const emails = (gathered.out.emails ??= []);
  for (const e of result.emails) {
    const known = emails.find((d) => d.value === e.email);
    if (known) {
      if (e.primary !== null) known.primary = (known.primary ?? false) || e.primary;
      if (e.confirmed !== null) known.confirmed = (known.confirmed ?? false) || e.confirmed;
      continue;
    }
    emails.push({
      field: emailField(e.email),
      value: e.email,
      source: file.name,
      label: null,
      primary: e.primary,
      confirmed: e.confirmed,
    });
  }
}

/** The user's phones: a number in two files is one detail, its type stated by a file decides. */
function takeOwnPhones(gathered: Gathered, file: SourceFile, result: Result<'linkedin-phones'>): void {
  const phones = (gathered.out.phones ??= []);
  const ownPhones = gathered.ownPhones;
  for (const p of result.phones) {
    const { field, e164, decidedBy } = phoneDetail(p.number, gathered.region, p.type);
    const detail: OwnDetailInput = {
      field,
      value: p.extension ? `${p.number} ext. ${p.extension}` : p.number,
      source: file.name,
      label: p.type || (p.whatsapp ? 'WhatsApp' : null),
      primary: null,
      confirmed: null,
    };
    const key = `${e164 ?? p.number.replace(/[^\d+]/g, '')} ${p.extension}`;
    const known = ownPhones.get(key);
    if (!known) {
      ownPhones.set(key, { detail, stated: decidedBy === 'file' });
      phones.push(detail);
    } else if (decidedBy === 'file' && !known.stated) {
      // The same number again, this time with a type stated: that type decides.
      Object.assign(known.detail, { field, label: detail.label });
      known.stated = true;
    }
  }
}

/** The address book the user uploaded to LinkedIn: evidence of acquaintance, and a share itself. */
function takeUploadedBook(gathered: Gathered, file: SourceFile, result: Result<'linkedin-contacts'>): void {
  const target = gathered.book(file.display, 'linkedin-uploaded', 'linkedin');
  for (const e of result.entries) {
    const { emails, phones } = gathered.details(
      e.emails,
      e.phones.map((raw) => ({ raw, type: '' })),
    );
    gathered.addEntry(target, {
      name: e.name,
      company: e.company || null,
      title: e.title || null,
      birthday: normaliseBirthday(e.birthday),
      profileUrl: null,
      emails,
      phones,
      tags: [],
    });
  }
}
