import { z } from 'zod';
import { sharingSettingsSchema } from './sharing';

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
