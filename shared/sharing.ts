/**
 * What the user has shared through each network's settings (FORMATS.md §1). Neither network exports
 * this, so it is declared in ShareAudit; whatever is not declared is the platform's documented
 * default and marked "assumed" wherever it shows.
 */
import { z } from 'zod';
import { DETAIL_FIELDS, type DetailField } from './domain';

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

const field = z.enum(DETAIL_FIELDS);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const declared = <T extends z.ZodType>(value: T) => z.object({ value, declared: z.boolean() }).strict();

/** The file format of declared sharing settings (docs/sharing-settings.schema.json is generated from it). */
export const sharingSettingsSchema = z
  .object({
    linkedin: z
      .object({
        emailVisibility: declared(z.enum(LINKEDIN_AUDIENCES)),
        allowEmailDownload: declared(z.boolean()),
        phoneVisibility: declared(z.enum(LINKEDIN_AUDIENCES)),
        birthdayVisibility: declared(z.enum(LINKEDIN_AUDIENCES)),
      })
      .strict(),
    xing: z
      .object({
        model: declared(z.enum(['per-contact', 'category'])),
        defaults: z.array(z.object({ from: isoDate, fields: z.array(field).min(1) }).strict()).max(100),
        grants: z
          .array(
            z
              .object({
                contactKey: z.string().max(500).nullable(),
                memberName: z.string().min(1).max(300),
                field,
                since: isoDate.nullable(),
              })
              .strict(),
          )
          .max(200_000),
        categories: z
          .object({
            business: declared(z.enum(XING_AUDIENCES)),
            private: declared(z.enum(XING_AUDIENCES)),
            birthday: declared(z.enum(XING_AUDIENCES)),
          })
          .strict(),
        excluded: z.array(z.string().max(500)).max(200_000),
      })
      .strict(),
  })
  .strict();

/** XING's categories and the details each one covers. */
export const XING_CATEGORY_FIELDS: Record<'business' | 'private' | 'birthday', readonly DetailField[]> = {
  business: ['businessEmail', 'phone'],
  private: ['privateEmail', 'mobile', 'address'],
  birthday: ['birthday'],
};

/** Sharing settings read from storage or a file: anything missing is the platform default. */
export function withDefaults(partial: unknown): SharingSettings {
  const parsed = sharingSettingsSchema.safeParse(partial);
  return parsed.success ? parsed.data : PLATFORM_DEFAULTS;
}
