import { describe, expect, it } from 'vitest';
import { addressBookUploaded } from '../../../shared/rules/address-book-uploaded';
import { contextFor } from '../../helpers/rules';

describe('rule address-book-uploaded', () => {
  it('no finding: nothing uploaded', () => {
    expect(addressBookUploaded.check(contextFor({}))).toEqual([]);
  });

  it('finding: one per uploaded address book', () => {
    const uploadedBooks = [{ source: 'export.zip › Contacts.csv', network: 'linkedin' as const, entries: 412 }];
    expect(addressBookUploaded.check(contextFor({}, undefined, { uploadedBooks }))).toEqual([
      expect.objectContaining({
        messageId: 'uploaded',
        data: { entries: 412, network: 'linkedin', source: 'export.zip › Contacts.csv' },
        actions: ['delete-uploaded-contacts'],
      }),
    ]);
  });
});

describe('address-book-uploaded: one finding per book, about the upload, not a person', () => {
  it('each book with its network, its source as the subject', () => {
    const uploadedBooks = [
      { source: 'Contacts.csv', network: 'linkedin' as const, entries: 1 },
      { source: 'Adressbuch.vcf', network: 'xing' as const, entries: 30 },
    ];
    expect(addressBookUploaded.check(contextFor({}, undefined, { uploadedBooks }))).toStrictEqual([
      {
        messageId: 'uploaded',
        data: { entries: 1, network: 'linkedin', source: 'Contacts.csv' },
        contactId: null,
        field: null,
        subject: 'book-Contacts.csv',
        network: 'linkedin',
        evidence: [],
        actions: ['delete-uploaded-contacts'],
        assumed: false,
      },
      {
        messageId: 'uploaded',
        data: { entries: 30, network: 'xing', source: 'Adressbuch.vcf' },
        contactId: null,
        field: null,
        subject: 'book-Adressbuch.vcf',
        network: 'xing',
        evidence: [],
        actions: ['delete-uploaded-contacts'],
        assumed: false,
      },
    ]);
  });
});
