import { addressBookUploaded } from './address-book-uploaded';
import { birthdayYearVisible } from './birthday-year-visible';
import { emailDownloadAllowed } from './email-download-allowed';
import { grantToNonContact } from './grant-to-non-contact';
import { likelyCollector } from './likely-collector';
import { privateDetailUnfamiliar } from './private-detail-unfamiliar';
import { staleGrant } from './stale-grant';
import { visibleToEveryone } from './visible-to-everyone';
import { xingDefaultPrivate } from './xing-default-private';
import type { Rule } from './types';

/** Every rule ShareAudit knows. The parity test checks each has a doc page and a table test. */
export const RULES: readonly Rule[] = [
  privateDetailUnfamiliar,
  visibleToEveryone,
  xingDefaultPrivate,
  grantToNonContact,
  emailDownloadAllowed,
  addressBookUploaded,
  staleGrant,
  likelyCollector,
  birthdayYearVisible,
];

export type { Rule, RuleContext, RuleMeta, RuleReport } from './types';
