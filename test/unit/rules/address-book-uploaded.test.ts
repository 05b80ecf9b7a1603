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
