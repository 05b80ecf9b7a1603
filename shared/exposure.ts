/**
 * Effective exposure: for each of my details and each person, whether they can see it, through which
 * grant, since when, and whether it is public or harvestable by their tools.
 */
import type { Contact, DetailField, Exposure, Grant, MyDetail } from './domain';
import { XING_CATEGORY_FIELDS, type SharingSettings } from './sharing';

/** Placeholder shown when the export did not include the user's primary email. */
export const UNKNOWN_PRIMARY_EMAIL = '(primary email — not in the imported files)';

const EMAIL_FIELDS: ReadonlySet<DetailField> = new Set(['privateEmail', 'businessEmail']);
const PHONE_FIELDS: ReadonlySet<DetailField> = new Set(['mobile', 'phone']);

/** An email the export marks as not the primary one: LinkedIn shows connections only the primary. */
function secondaryEmail(d: MyDetail): boolean {
  return EMAIL_FIELDS.has(d.field) && d.primary === false;
}

/**
 * The details that can be exposed. Without an imported email, LinkedIn still has a primary one:
 * it is assumed to be private, the common case.
 */
export function exposedDetails(myDetails: readonly MyDetail[]): MyDetail[] {
  const exposed = myDetails.filter(
    (d) =>
      (EMAIL_FIELDS.has(d.field) && !secondaryEmail(d)) ||
      PHONE_FIELDS.has(d.field) ||
      d.field === 'birthday' ||
      d.field === 'address',
  );
  if (!exposed.some((d) => EMAIL_FIELDS.has(d.field))) {
    exposed.unshift({ field: 'privateEmail', value: UNKNOWN_PRIMARY_EMAIL, source: 'assumed' });
  }
  return exposed;
}

const SEES_FIRST_DEGREE = new Set(['first-degree', 'first-and-second', 'everyone']);

/** One grant object per LinkedIn setting that lets 1st-degree connections see a detail, shared by every exposure it causes. */
function linkedInGrants(
  fields: readonly DetailField[],
  li: SharingSettings['linkedin'],
): Array<{ field: DetailField; grant: Grant; public: boolean }> {
  const grants: Array<{ field: DetailField; grant: Grant; public: boolean }> = [];
  for (const field of fields) {
    const setting = EMAIL_FIELDS.has(field)
      ? li.emailVisibility
      : PHONE_FIELDS.has(field)
        ? li.phoneVisibility
        : field === 'birthday'
          ? li.birthdayVisibility
          : null;
    if (!setting || !SEES_FIRST_DEGREE.has(setting.value)) continue;
    grants.push({
      field,
      grant: { kind: 'audience', network: 'linkedin', audience: setting.value, assumed: !setting.declared },
      public: setting.value === 'everyone',
    });
  }
  return grants;
}

/** XING per contact: what a contact sees through explicit releases and the "Als Standard" defaults. */
function addPerContactExposures(
  exposures: Exposure[],
  contact: Contact,
  fields: readonly DetailField[],
  xing: SharingSettings['xing'],
  explicit: ReadonlySet<DetailField>,
): void {
  for (const field of fields) {
    // Every grant that makes the detail visible: an explicit release and the "Als Standard" default
    // (which applies to contacts confirmed after it was set, never before).
    const grants: Grant[] = [];
    let since: string | null = contact.connectedOn;
    if (explicit.has(field)) {
      grants.push({ kind: 'explicit', network: 'xing', audience: 'this-contact', assumed: false });
      since =
        // Stryker disable next-line OptionalChaining: equivalent, explicit.has(field) means this grant exists
        xing.grants.find((g) => g.contactKey === contact.key && g.field === field)?.since ?? contact.connectedOn;
    }
    const rule = contact.connectedOn
      ? xing.defaults.find((d) => d.fields.includes(field) && contact.connectedOn! >= d.from)
      : undefined;
    if (rule) grants.push({ kind: 'default', network: 'xing', audience: `default-since-${rule.from}`, assumed: false });
    if (grants.length === 0) continue;
    exposures.push({
      contactId: contact.id,
      field,
      grant: grants[0]!,
      ...(grants.length > 1 ? { alsoGrantedBy: grants.slice(1) } : {}),
      since,
      public: false,
      harvestable: true,
    });
  }
}

/** XING by categories: what a contact sees through the category settings that are not "nobody". */
function addCategoryExposures(
  exposures: Exposure[],
  contact: Contact,
  fields: readonly DetailField[],
  xing: SharingSettings['xing'],
): void {
  for (const [category, categoryFields] of Object.entries(XING_CATEGORY_FIELDS) as Array<
    [keyof typeof XING_CATEGORY_FIELDS, readonly DetailField[]]
  >) {
    const setting = xing.categories[category];
    if (setting.value === 'nobody') continue;
    for (const field of categoryFields) {
      if (!fields.includes(field)) continue;
      exposures.push({
        contactId: contact.id,
        field,
        grant: { kind: 'category', network: 'xing', audience: setting.value, assumed: !setting.declared },
        since: contact.connectedOn,
        public: setting.value === 'members',
        harvestable: true,
      });
    }
  }
}

export function computeExposures(
  contacts: readonly Contact[],
  myDetails: readonly MyDetail[],
  sharing: SharingSettings,
): Exposure[] {
  const details = exposedDetails(myDetails);
  const fields = [...new Set(details.map((d) => d.field))];
  const exposures: Exposure[] = [];
  const xing = sharing.xing;
  const grantsByContact = new Map<string, Set<DetailField>>();
  for (const g of xing.grants) {
    if (g.contactKey === null) continue;
    grantsByContact.set(g.contactKey, (grantsByContact.get(g.contactKey) ?? new Set()).add(g.field));
  }
  const excluded = new Set(xing.excluded);
  const linkedIn = linkedInGrants(fields, sharing.linkedin);
  const none: ReadonlySet<DetailField> = new Set();

  for (const contact of contacts) {
    if (contact.network === 'linkedin') {
      for (const g of linkedIn) {
        exposures.push({
          contactId: contact.id,
          field: g.field,
          grant: g.grant,
          since: contact.connectedOn,
          public: g.public,
          harvestable: true,
        });
      }
    } else if (xing.model.value === 'per-contact')
      addPerContactExposures(exposures, contact, fields, xing, grantsByContact.get(contact.key) ?? none);
    else if (!excluded.has(contact.key)) addCategoryExposures(exposures, contact, fields, xing);
  }
  return exposures;
}
