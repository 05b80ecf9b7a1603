/**
 * What the user has shared through each network's settings (FORMATS.md §1). Neither network exports
 * this, so it is declared in ShareAudit; whatever is not declared is the platform's documented
 * default and marked "assumed" wherever it shows. The model only: its file format and validation are
 * in sharing-schema.ts (zod stays out of the page's code, which needs the model alone).
 */
import type { DetailField } from './domain';

export const LINKEDIN_AUDIENCES = ['only-me', 'first-degree', 'first-and-second', 'everyone'] as const;
export type LinkedInAudience = (typeof LINKEDIN_AUDIENCES)[number];
export const XING_AUDIENCES = ['nobody', 'contacts', 'members'] as const;
export type XingAudience = (typeof XING_AUDIENCES)[number];

export interface Declared<T> {
  value: T;
  /** False while the value is the platform's default, not something the user declared. */
  declared: boolean;
}

export interface XingGrant {
  /** The contact's key (XING profile) when the member is a contact; null for a member who is not. */
  contactKey: string | null;
  memberName: string;
  field: DetailField;
  since: string | null;
}

export interface SharingSettings {
  linkedin: {
    emailVisibility: Declared<LinkedInAudience>;
    /** "Allow your connections to download your email in their data export" (since Nov 2018). */
    allowEmailDownload: Declared<boolean>;
    phoneVisibility: Declared<LinkedInAudience>;
    birthdayVisibility: Declared<LinkedInAudience>;
  };
  xing: {
    model: Declared<'per-contact' | 'category'>;
    /** "Als Standard" history: from `from` on, these fields went to every newly confirmed contact. Never retroactive. */
    defaults: Array<{ from: string; fields: DetailField[] }>;
    /** Explicit per-contact grants (per-contact model), also to members who are not contacts. */
    grants: XingGrant[];
    /** Category model. */
    categories: { business: Declared<XingAudience>; private: Declared<XingAudience>; birthday: Declared<XingAudience> };
    /** Contacts excluded from the categories (contact keys). */
    excluded: string[];
  };
}

/** The documented defaults: LinkedIn shows the primary email, phone and birthday to 1st-degree connections. */
export const PLATFORM_DEFAULTS: SharingSettings = {
  linkedin: {
    emailVisibility: { value: 'first-degree', declared: false },
    allowEmailDownload: { value: false, declared: false },
    phoneVisibility: { value: 'first-degree', declared: false },
    birthdayVisibility: { value: 'first-degree', declared: false },
  },
  xing: {
    model: { value: 'per-contact', declared: false },
    defaults: [],
    grants: [],
    // When XING switched models, users who had restricted even one contact were reset to "nobody".
    categories: {
      business: { value: 'nobody', declared: false },
      private: { value: 'nobody', declared: false },
      birthday: { value: 'nobody', declared: false },
    },
    excluded: [],
  },
};

/** XING's categories and the details each one covers. */
export const XING_CATEGORY_FIELDS: Record<'business' | 'private' | 'birthday', readonly DetailField[]> = {
  business: ['businessEmail', 'phone'],
  private: ['privateEmail', 'mobile', 'address'],
  birthday: ['birthday'],
};
