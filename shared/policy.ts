/**
 * The user's policy: what counts as sensitive, whom they trust, how familiarity is scored and what
 * marks a contact collector. Data, not code: editable in the app, exportable, German and English.
 */
import { z } from 'zod';
import { DETAIL_FIELDS, type DetailField } from './domain';

export interface FamiliarityWeights {
  /** A two-way exchange of messages. */
  twoWayMessages: number;
  /** Linked to an entry of one of the user's own address books by email, phone, URL or name + company. */
  addressBook: number;
  /** Linked by a bare (unique) name only. */
  addressBookByName: number;
  /** Tagged with one of the trusted tags (XING categories, address-book labels). */
  trustedTag: number;
  /** The user sent the invitation, with a concrete personal reason. */
  personalInvitation: number;
  /** Per year of connection without any exchange (negative). */
  silentYear: number;
}

export interface Policy {
  sensitiveFields: DetailField[];
  trustedTags: string[];
  familiarity: { weights: FamiliarityWeights; knownAt: number; acquaintedAt: number };
  /** A grant counts as stale after this many years without any exchange. */
  staleYears: number;
  /** ShareAudit reminds you to import a newer export this many days after the newest one was made. */
  reauditAfterDays: number;
  collector: {
    /** Generic invitation phrases (lower-case substrings), German and English. */
    phrases: string[];
    /** Roles that pitch (lower-case substrings of the position). */
    roles: string[];
  };
}

const DEFAULT_REAUDIT_DAYS = 90;

export const DEFAULT_POLICY: Policy = {
  sensitiveFields: ['privateEmail', 'mobile', 'address'],
  trustedTags: [
    'kunde',
    'partner',
    'persönlich getroffen',
    'kollege',
    'kollegin',
    'familie',
    'freund',
    'customer',
    'client',
    'colleague',
    'met in person',
    'friend',
    'family',
  ],
  familiarity: {
    weights: {
      twoWayMessages: 60,
      addressBook: 50,
      addressBookByName: 25,
      trustedTag: 40,
      personalInvitation: 30,
      silentYear: -5,
    },
    knownAt: 50,
    acquaintedAt: 20,
  },
  staleYears: 3,
  reauditAfterDays: DEFAULT_REAUDIT_DAYS,
  collector: {
    phrases: [
      'kontakte schaden nur dem, der keine hat',
      'kontakte schaden nur dem der keine hat',
      'win-win',
      'winwin',
      'vorteile für beide seiten',
      'beiderseitigen vorteil',
      'ich möchte sie gern zu meinem beruflichen netzwerk',
      'ich möchte sie gerne zu meinem beruflichen netzwerk',
      'ich möchte dich gern zu meinem beruflichen netzwerk',
      "i'd like to add you to my professional network",
      'i would like to add you to my professional network',
      'mutual benefit',
      'benefit both of us',
      'wir sind beide mitglied',
      'we are both members',
      'grow my network',
      'mein netzwerk erweitern',
    ],
    roles: [
      'recruiter',
      'recruiting',
      'headhunter',
      'personalberater',
      'talent acquisition',
      'executive search',
      'coach',
      'finanzberater',
      'vermögensberater',
      'finanzcoach',
      'versicherungsmakler',
      'financial advisor',
      'wealth manager',
      'insurance broker',
      'sales representative',
      'business development',
    ],
  },
};

const weight = z.number().int().min(-100).max(100);

/** The policy as a file and over the contract. */
export const policySchema = z
  .object({
    sensitiveFields: z.array(z.enum(DETAIL_FIELDS)).max(DETAIL_FIELDS.length),
    trustedTags: z.array(z.string().trim().min(1).max(100)).max(500),
    familiarity: z
      .object({
        weights: z
          .object({
            twoWayMessages: weight,
            addressBook: weight,
            addressBookByName: weight,
            trustedTag: weight,
            personalInvitation: weight,
            silentYear: weight,
          })
          .strict(),
        knownAt: z.number().int().min(-100).max(300),
        acquaintedAt: z.number().int().min(-100).max(300),
      })
      .strict(),
    staleYears: z.number().int().min(1).max(50),
    // Optional in a file: policies written before the reminder existed keep working.
    reauditAfterDays: z.number().int().min(1).max(3650).default(DEFAULT_REAUDIT_DAYS),
    collector: z
      .object({
        phrases: z.array(z.string().trim().toLowerCase().min(2).max(300)).max(1000),
        roles: z.array(z.string().trim().toLowerCase().min(2).max(100)).max(1000),
      })
      .strict(),
  })
  .strict();

/** A stored policy; anything unreadable falls back to the default. */
export function policyOrDefault(stored: unknown): Policy {
  const parsed = policySchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}
