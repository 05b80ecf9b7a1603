/** The file format of declared sharing settings, and reading settings from storage or a file. */
import { z } from 'zod';
import { DETAIL_FIELDS } from './domain';
import { LINKEDIN_AUDIENCES, PLATFORM_DEFAULTS, XING_AUDIENCES, type SharingSettings } from './sharing';

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

/** Sharing settings read from storage or a file: anything missing is the platform default. */
export function withDefaults(partial: unknown): SharingSettings {
  const parsed = sharingSettingsSchema.safeParse(partial);
  return parsed.success ? parsed.data : PLATFORM_DEFAULTS;
}

/** The JSON Schema of a sharing-settings file, as documented in docs/sharing-settings.schema.json. */
export function sharingSchemaDocument(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(sharingSettingsSchema),
    $id: 'https://shareaudit.invalid/sharing-settings.schema.json',
    title: 'ShareAudit sharing settings',
    description:
      'What you share through LinkedIn and XING settings. "declared": false marks a platform default that ShareAudit assumes.',
  };
}
