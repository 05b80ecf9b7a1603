/** Writes docs/sharing-settings.schema.json from the zod schema: `npm run docs:schema`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharingSchemaDocument } from '../shared/sharing-schema';

writeFileSync(
  join(import.meta.dirname, '..', 'docs', 'sharing-settings.schema.json'),
  `${JSON.stringify(sharingSchemaDocument(), null, 2)}\n`,
);
