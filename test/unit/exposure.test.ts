import { describe, expect, it } from 'vitest';
import type { Contact, MyDetail } from '../../shared/domain';
import { computeExposures, UNKNOWN_PRIMARY_EMAIL } from '../../shared/exposure';
import { sharingWith } from '../helpers/rules';

const mine: MyDetail[] = [
  { field: 'privateEmail', value: 'ich@gmx.de', source: 't' },
  { field: 'businessEmail', value: 'ich@firma.example', source: 't' },
  { field: 'mobile', value: '+491715550100', source: 't' },
];
const li: Contact = {
  id: 1,
  network: 'linkedin',
  key: 'linkedin.com/in/a',
  name: 'A',
  profileUrl: null,
  company: null,
  position: null,
  connectedOn: '2020-01-01',
};
const early: Contact = {
  id: 2,
  network: 'xing',
  key: 'xing.com/profile/early',
  name: 'Early',
  profileUrl: null,
  company: null,
  position: null,
  connectedOn: '2014-05-01',
};
const late: Contact = {
  id: 3,
  network: 'xing',
  key: 'xing.com/profile/late',
  name: 'Late',
  profileUrl: null,
  company: null,
  position: null,
  connectedOn: '2016-05-01',
};

const view = (sharing: ReturnType<typeof sharingWith>, details = mine) =>
  computeExposures([li, early, late], details, sharing).map(
    (e) =>
      `${e.contactId}:${e.field}:${e.grant.kind}:${e.grant.audience}${e.public ? ':public' : ''}${e.grant.assumed ? ':assumed' : ''}`,
  );

describe('effective exposure', () => {
  it('LinkedIn defaults: the primary email and phone to 1st-degree connections, assumed; XING shows nothing', () => {
    expect(view(sharingWith(() => undefined))).toEqual([
      '1:privateEmail:audience:first-degree:assumed',
      '1:businessEmail:audience:first-degree:assumed',
      '1:mobile:audience:first-degree:assumed',
    ]);
  });

  it('without an imported email, LinkedIn still shows a primary one: assumed private', () => {
    const exposures = computeExposures(
      [li],
      [],
      sharingWith(() => undefined),
    );
    expect(exposures.map((e) => e.field)).toEqual(['privateEmail']);
    expect(UNKNOWN_PRIMARY_EMAIL).toContain('not in the imported files');
  });

  it('"everyone" is public', () => {
    expect(view(sharingWith((s) => (s.linkedin.phoneVisibility = { value: 'everyone', declared: true })))).toContain(
      '1:mobile:audience:everyone:public',
    );
  });

  it('XING per-contact: explicit grants, and "Als Standard" only for contacts confirmed after it was set', () => {
    const sharing = sharingWith((s) => {
      s.xing.defaults = [{ from: '2015-01-01', fields: ['mobile'] }];
      s.xing.grants = [
        { contactKey: 'xing.com/profile/early', memberName: 'Early', field: 'businessEmail', since: '2014-06-01' },
      ];
      s.linkedin.emailVisibility = { value: 'only-me', declared: true };
      s.linkedin.phoneVisibility = { value: 'only-me', declared: true };
    });
    expect(view(sharing)).toEqual([
      '2:businessEmail:explicit:this-contact',
      '3:mobile:default:default-since-2015-01-01',
    ]);
  });

  it('a detail released explicitly and by the default lists both grants', () => {
    const sharing = sharingWith((s) => {
      s.xing.defaults = [{ from: '2015-01-01', fields: ['mobile'] }];
      s.xing.grants = [
        { contactKey: 'xing.com/profile/late', memberName: 'Late', field: 'mobile', since: '2017-01-01' },
      ];
    });
    const exposure = computeExposures([late], mine, sharing).find((e) => e.field === 'mobile')!;
    expect([exposure.grant.kind, ...(exposure.alsoGrantedBy ?? []).map((g) => g.kind)]).toEqual([
      'explicit',
      'default',
    ]);
    expect(exposure.since).toBe('2017-01-01');
  });

  it('XING categories: to all contacts but the excluded, to all members publicly', () => {
    const sharing = sharingWith((s) => {
      s.linkedin.emailVisibility = { value: 'only-me', declared: true };
      s.linkedin.phoneVisibility = { value: 'only-me', declared: true };
      s.xing.model = { value: 'category', declared: true };
      s.xing.categories.business = { value: 'contacts', declared: true };
      s.xing.categories.private = { value: 'members', declared: true };
      s.xing.excluded = ['xing.com/profile/early'];
    });
    expect(view(sharing)).toEqual([
      '3:businessEmail:category:contacts',
      '3:privateEmail:category:members:public',
      '3:mobile:category:members:public',
    ]);
  });
});
