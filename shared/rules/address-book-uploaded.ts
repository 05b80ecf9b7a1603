import type { Rule } from './types';

/** An address book uploaded to a network: other people's details, handed over, and kept in sync. */
export const addressBookUploaded: Rule = {
  meta: {
    id: 'address-book-uploaded',
    defaultSeverity: 'medium',
    title: { en: 'Address book uploaded to a network', de: 'Adressbuch zu einem Netzwerk hochgeladen' },
    rationale: {
      en: "Uploading your address book shares everyone's email and phone with the network, which uses them for suggestions — including yours to them.",
      de: 'Wer sein Adressbuch hochlädt, gibt E-Mail und Telefon aller Einträge an das Netzwerk, das sie für Vorschläge nutzt — auch Ihre an andere.',
    },
    messages: {
      uploaded: {
        en: '{entries, plural, one {You uploaded an address book with # entry to {network} ({source}).} other {You uploaded an address book with # entries to {network} ({source}).}}',
        de: '{entries, plural, one {Sie haben ein Adressbuch mit # Eintrag zu {network} hochgeladen ({source}).} other {Sie haben ein Adressbuch mit # Einträgen zu {network} hochgeladen ({source}).}}',
      },
    },
  },
  check(ctx) {
    return ctx.uploadedBooks.map((book) => ({
      messageId: 'uploaded',
      data: { entries: book.entries, network: book.network, source: book.source },
      contactId: null,
      field: null,
      subject: `book-${book.source}`,
      network: book.network,
      evidence: [],
      actions: ['delete-uploaded-contacts'],
      assumed: false,
    }));
  },
};
