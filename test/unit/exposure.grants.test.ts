/**
 * Effective exposure grant by grant: which of my details count, which LinkedIn setting governs each,
 * XING releases and "Als Standard" defaults per contact and per detail (from the default's own day
 * on), XING categories with their exclusions, and every property of an exposure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact, DetailField, MyDetail } from '../../shared/domain';
import { computeExposures, exposedDetails, UNKNOWN_PRIMARY_EMAIL } from '../../shared/exposure';
import { LINKEDIN_AUDIENCES, type SharingSettings } from '../../shared/sharing';
import { sharingWith } from '../helpers/rules';

const detail = (field: DetailField, extra: Partial<MyDetail> = {}): MyDetail => ({
  field,
  value: `my ${field}`,
  source: 'Profile.csv',
  ...extra,
});

const ALL: MyDetail[] = [
  detail('businessEmail'),
  detail('privateEmail'),
  detail('phone'),
  detail('mobile'),
  detail('address'),
  detail('birthday'),
];

const person = (id: number, network: 'linkedin' | 'xing', connectedOn: string | null): Contact => ({
  id,
  network,
  key: `${network}.com/profile/p${id}`,
  name: `P${id}`,
  profileUrl: null,
  company: null,
  position: null,
  connectedOn,
});

/** LinkedIn showing nothing, so that only XING's grants are left. */
const xingOnly = (change: (s: SharingSettings) => void) =>
  sharingWith((s) => {
    s.linkedin.emailVisibility = { value: 'only-me', declared: true };
    s.linkedin.phoneVisibility = { value: 'only-me', declared: true };
    s.linkedin.birthdayVisibility = { value: 'only-me', declared: true };
    change(s);
  });

const seen = (contacts: Contact[], sharing: SharingSettings, details: MyDetail[] = ALL) =>
  computeExposures(contacts, details, sharing).map((e) => `${e.contactId}:${e.field}`);

describe('which of my details can be exposed', () => {
  it('every email, phone, address and birthday, in their order; not a secondary email', () => {
    const details = [...ALL, detail('privateEmail', { value: 'alt@gmx.de', primary: false })];
    expect(exposedDetails(details)).toEqual(ALL);
  });

  it('a second phone number is exposed like the first (only emails have a primary)', () => {
    const second = detail('mobile', { value: '+491715550199', primary: false });
    expect(exposedDetails([detail('privateEmail'), second])).toEqual([detail('privateEmail'), second]);
  });

  it('without an exposable email, LinkedIn still has a primary one: assumed private, listed first', () => {
    const placeholder = { field: 'privateEmail', value: UNKNOWN_PRIMARY_EMAIL, source: 'assumed' };
    expect(exposedDetails([detail('mobile')])).toStrictEqual([placeholder, detail('mobile')]);
    expect(exposedDetails([detail('businessEmail', { primary: false }), detail('mobile')])).toStrictEqual([
      placeholder,
      detail('mobile'),
    ]);
    expect(exposedDetails([detail('businessEmail', { primary: true })])).toStrictEqual([
      detail('businessEmail', { primary: true }),
    ]);
  });
});

describe('LinkedIn: one audience setting per kind of detail', () => {
  it('email, phone and birthday each follow their own setting; an address is never shown', () => {
    const only = (which: 'emailVisibility' | 'phoneVisibility' | 'birthdayVisibility') =>
      seen(
        [person(1, 'linkedin', '2020-01-01')],
        xingOnly((s) => (s.linkedin[which] = { value: 'first-degree', declared: true })),
      );
    expect(only('emailVisibility')).toEqual(['1:businessEmail', '1:privateEmail']);
    expect(only('phoneVisibility')).toEqual(['1:phone', '1:mobile']);
    expect(only('birthdayVisibility')).toEqual(['1:birthday']);
  });

  it.each<[(typeof LINKEDIN_AUDIENCES)[number], boolean, boolean]>([
    ['only-me', false, false],
    ['first-degree', true, false],
    ['first-and-second', true, false],
    ['everyone', true, true],
  ])('audience %s: a connection sees it: %s, public: %s', (audience, visible, isPublic) => {
    const exposures = computeExposures(
      [person(1, 'linkedin', '2020-01-01')],
      [detail('mobile')],
      xingOnly((s) => (s.linkedin.phoneVisibility = { value: audience, declared: true })),
    );
    expect(exposures).toStrictEqual(
      visible
        ? [
            {
              contactId: 1,
              field: 'mobile',
              grant: { kind: 'audience', network: 'linkedin', audience, assumed: false },
              since: '2020-01-01',
              public: isPublic,
              harvestable: true,
            },
          ]
        : [],
    );
  });

  it('a default setting is assumed, a declared one is not', () => {
    const [assumed] = computeExposures(
      [person(1, 'linkedin', null)],
      [detail('mobile')],
      sharingWith(() => undefined),
    );
    expect(assumed!.grant.assumed).toBe(true);
    expect(assumed!.since).toBeNull();
  });

  it('one exposure per kind of detail, however many numbers I have', () => {
    expect(
      seen(
        [person(1, 'linkedin', '2020-01-01')],
        sharingWith(() => undefined),
        [detail('privateEmail'), detail('mobile'), detail('mobile', { value: '+491715550199' })],
      ),
    ).toEqual(['1:privateEmail', '1:mobile']);
  });

  it('LinkedIn settings reach LinkedIn connections only, under either XING model', () => {
    for (const model of ['per-contact', 'category'] as const) {
      const sharing = sharingWith((s) => (s.xing.model = { value: model, declared: true }));
      expect(seen([person(1, 'linkedin', '2020-01-01'), person(2, 'xing', '2020-01-01')], sharing)).toEqual([
        '1:businessEmail',
        '1:privateEmail',
        '1:phone',
        '1:mobile',
        '1:birthday',
      ]);
    }
  });
});

describe('XING per contact: releases and the "Als Standard" default', () => {
  const grant = (contact: number | null, field: DetailField, since: string | null) => ({
    contactKey: contact === null ? null : `xing.com/profile/p${contact}`,
    memberName: `P${contact}`,
    field,
    since,
  });

  it('releases to one contact, each detail with its own date, or the connection date when it has none', () => {
    const sharing = xingOnly((s) => {
      s.xing.grants = [
        grant(2, 'mobile', '2019-05-01'),
        grant(1, 'mobile', '2018-01-01'),
        grant(1, 'address', null),
        grant(null, 'privateEmail', '2018-01-01'),
      ];
    });
    const exposures = computeExposures([person(1, 'xing', '2017-03-01')], ALL, sharing);
    expect(exposures).toStrictEqual([
      {
        contactId: 1,
        field: 'mobile',
        grant: { kind: 'explicit', network: 'xing', audience: 'this-contact', assumed: false },
        since: '2018-01-01',
        public: false,
        harvestable: true,
      },
      {
        contactId: 1,
        field: 'address',
        grant: { kind: 'explicit', network: 'xing', audience: 'this-contact', assumed: false },
        since: '2017-03-01',
        public: false,
        harvestable: true,
      },
    ]);
  });

  it('a release to a member who is no contact shows nothing to any contact', () => {
    const sharing = xingOnly((s) => (s.xing.grants = [grant(null, 'mobile', '2018-01-01')]));
    expect(seen([person(1, 'xing', '2017-03-01')], sharing)).toEqual([]);
  });

  it.each<[string, string | null, string[]]>([
    ['confirmed the day before the default', '2014-12-31', []],
    ['confirmed on the default’s day', '2015-01-01', ['1:mobile']],
    ['confirmed after it', '2016-01-01', ['1:mobile']],
    ['confirmed on an unknown day', null, []],
  ])('default for the mobile number from 2015-01-01, %s', (_name, connectedOn, expected) => {
    const sharing = xingOnly((s) => (s.xing.defaults = [{ from: '2015-01-01', fields: ['mobile'] }]));
    expect(seen([person(1, 'xing', connectedOn)], sharing)).toEqual(expected);
  });

  it('of several defaults, the first that covers the detail and the day names the grant', () => {
    const sharing = xingOnly((s) => {
      s.xing.defaults = [
        { from: '2020-01-01', fields: ['mobile', 'privateEmail'] },
        { from: '2015-01-01', fields: ['businessEmail'] },
        { from: '2016-01-01', fields: ['privateEmail'] },
      ];
    });
    const exposures = computeExposures([person(1, 'xing', '2017-06-01')], ALL, sharing);
    expect(exposures.map((e) => [e.field, e.grant.kind, e.grant.audience, e.since])).toEqual([
      ['businessEmail', 'default', 'default-since-2015-01-01', '2017-06-01'],
      ['privateEmail', 'default', 'default-since-2016-01-01', '2017-06-01'],
    ]);
    expect(exposures.every((e) => !('alsoGrantedBy' in e) && !e.public && e.harvestable && !e.grant.assumed)).toBe(
      true,
    );
  });

  it('released and covered by the default: the release first, the default as well', () => {
    const sharing = xingOnly((s) => {
      s.xing.defaults = [{ from: '2015-01-01', fields: ['mobile'] }];
      s.xing.grants = [grant(1, 'mobile', '2019-01-01')];
    });
    const [exposure] = computeExposures([person(1, 'xing', '2016-01-01')], [detail('mobile')], sharing);
    expect(exposure!.alsoGrantedBy).toStrictEqual([
      { kind: 'default', network: 'xing', audience: 'default-since-2015-01-01', assumed: false },
    ]);
    expect(exposure!.since).toBe('2019-01-01');
  });
});

describe('XING categories', () => {
  const categories = (change: (s: SharingSettings) => void) =>
    xingOnly((s) => {
      s.xing.model = { value: 'category', declared: true };
      change(s);
    });

  it('each category covers its details, for every contact but the excluded', () => {
    const sharing = categories((s) => {
      s.xing.categories.business = { value: 'contacts', declared: true };
      s.xing.categories.birthday = { value: 'members', declared: false };
      s.xing.excluded = ['xing.com/profile/p2'];
    });
    const exposures = computeExposures(
      [person(1, 'xing', '2020-01-01'), person(2, 'xing', '2020-01-01')],
      ALL,
      sharing,
    );
    expect(exposures).toStrictEqual([
      ...(['businessEmail', 'phone'] as const).map((field) => ({
        contactId: 1,
        field,
        grant: { kind: 'category', network: 'xing', audience: 'contacts', assumed: false },
        since: '2020-01-01',
        public: false,
        harvestable: true,
      })),
      {
        contactId: 1,
        field: 'birthday',
        grant: { kind: 'category', network: 'xing', audience: 'members', assumed: true },
        since: '2020-01-01',
        public: true,
        harvestable: true,
      },
    ]);
  });

  it('only details I have; nothing from a category shown to nobody; no releases or defaults apply', () => {
    const sharing = categories((s) => {
      s.xing.categories.private = { value: 'contacts', declared: true };
      s.xing.defaults = [{ from: '2015-01-01', fields: ['businessEmail'] }];
      s.xing.grants = [{ contactKey: 'xing.com/profile/p1', memberName: 'P1', field: 'phone', since: null }];
    });
    expect(seen([person(1, 'xing', '2020-01-01')], sharing, [detail('privateEmail'), detail('phone')])).toEqual([
      '1:privateEmail',
    ]);
  });
});

describe('properties', () => {
  const audience = fc.constantFrom(...LINKEDIN_AUDIENCES);
  const declared = fc.boolean();
  const fields = fc.subarray([...ALL]);

  it('a LinkedIn connection sees a detail exactly when its setting reaches 1st-degree connections', () => {
    fc.assert(
      fc.property(audience, audience, audience, declared, fields, (email, phone, birthday, isDeclared, mine) => {
        const sharing = sharingWith((s) => {
          s.linkedin.emailVisibility = { value: email, declared: isDeclared };
          s.linkedin.phoneVisibility = { value: phone, declared: isDeclared };
          s.linkedin.birthdayVisibility = { value: birthday, declared: isDeclared };
        });
        const exposures = computeExposures([person(1, 'linkedin', '2020-01-01')], mine, sharing);
        const settingOf = (field: DetailField) =>
          field.endsWith('Email') ? email : field === 'birthday' ? birthday : field === 'address' ? 'only-me' : phone;
        const expected = exposedDetails(mine)
          .map((d) => d.field)
          .filter((f, i, all) => all.indexOf(f) === i && settingOf(f) !== 'only-me');
        expect(exposures.map((e) => e.field)).toEqual(expected);
        for (const e of exposures) {
          expect(e.public).toBe(settingOf(e.field) === 'everyone');
          expect(e.grant.assumed).toBe(!isDeclared);
        }
      }),
    );
  });
});
