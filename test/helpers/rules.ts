import type { Contact, DetailField, Exposure, Interaction, MyDetail } from '../../shared/domain';
import { judgeFamiliarity, type AddressBookLink, type ContactTag, type InvitationFact } from '../../shared/familiarity';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy';
import type { RuleContext } from '../../shared/rules';
import { PLATFORM_DEFAULTS, type SharingSettings } from '../../shared/sharing';

export const NOW = new Date('2026-11-01T00:00:00Z');

export interface Person {
  name?: string;
  position?: string | null;
  connectedOn?: string | null;
  sent?: number;
  received?: number;
  lastAt?: string | null;
  tags?: string[];
  inAddressBook?: 'email' | 'name';
  invitation?: { direction: 'incoming' | 'outgoing'; message: string };
  sees?: DetailField[];
  assumed?: boolean;
}

export interface Setting {
  sharing?: SharingSettings;
  myDetails?: MyDetail[];
  uploadedBooks?: RuleContext['uploadedBooks'];
  network?: 'linkedin' | 'xing';
}

/** The platform defaults with some settings changed. */
export function sharingWith(change: (s: SharingSettings) => void): SharingSettings {
  const copy = structuredClone(PLATFORM_DEFAULTS) as SharingSettings;
  change(copy);
  return copy;
}

/** A rule context for one person, built through the real familiarity judgement. */
export function contextFor(person: Person, policy: Policy = DEFAULT_POLICY, setting: Setting = {}): RuleContext {
  const contact: Contact = {
    id: 1,
    network: setting.network ?? 'linkedin',
    key: setting.network === 'xing' ? 'xing.com/profile/erika_musterfrau' : 'linkedin.com/in/erika',
    name: person.name ?? 'Erika Musterfrau',
    profileUrl: 'https://www.linkedin.com/in/erika',
    company: 'Beispiel GmbH',
    position: person.position ?? 'Projektleiterin',
    connectedOn: person.connectedOn === undefined ? '2025-06-01' : person.connectedOn,
  };
  const interactions: Interaction[] =
    (person.sent ?? 0) + (person.received ?? 0) > 0
      ? [
          {
            contactId: 1,
            sent: person.sent ?? 0,
            received: person.received ?? 0,
            firstAt: null,
            lastAt: person.lastAt ?? '2026-10-01T10:00:00Z',
          },
        ]
      : [];
  const links: AddressBookLink[] = person.inAddressBook
    ? [
        {
          contactId: 1,
          source: 'contacts.vcf',
          method: person.inAddressBook,
          confidence: person.inAddressBook === 'email' ? 0.99 : 0.5,
          evidence:
            person.inAddressBook === 'email'
              ? { method: 'email', value: 'erika@example.de' }
              : { method: 'name', name: person.name ?? 'Erika Musterfrau' },
        },
      ]
    : [];
  const tags: ContactTag[] = (person.tags ?? []).map((tag) => ({ contactId: 1, tag, source: 'XING' }));
  const invitations: InvitationFact[] = person.invitation
    ? [{ contactId: 1, sentAt: '2025-05-30T10:00:00Z', ...person.invitation }]
    : [];
  const exposures: Exposure[] = (person.sees ?? ['privateEmail', 'mobile']).map((field) => ({
    contactId: 1,
    field,
    grant: { kind: 'audience', network: 'linkedin', audience: 'first-degree', assumed: person.assumed ?? true },
    since: contact.connectedOn,
    public: false,
    harvestable: true,
  }));
  return {
    contacts: new Map([[1, contact]]),
    exposures,
    familiarity: judgeFamiliarity(
      { contacts: [contact], interactions, addressBookLinks: links, tags, invitations },
      policy,
      NOW,
    ),
    policy,
    now: NOW,
    exposuresByContact: exposures.length > 0 ? new Map([[1, exposures]]) : new Map(),
    preview: false,
    sharing: setting.sharing ?? PLATFORM_DEFAULTS,
    myDetails: setting.myDetails ?? [],
    uploadedBooks: setting.uploadedBooks ?? [],
  };
}
