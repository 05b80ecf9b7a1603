import {
  LIVE_REVOCATION,
  type DetailField,
  type Exposure,
  type Finding,
  type RevocationStatus,
  type RevocationView,
} from './domain';
import { ALL_SETTINGS_RULES, PERSON_WIDE_RULES, settingKeys, settingOfShare, stepKey } from './plan/setting-steps';

type Live = { id: number; status: RevocationStatus };

/** The live revocation that covers a person's detail, if any. */
export interface RevocationCover {
  /** A revocation about this person (removing them, or one detail of theirs); settings not included. */
  get(contactId: number, field: DetailField): Live | null;
  has(contactId: number, field: DetailField): boolean;
  /**
   * The revocation that takes a finding away: one about its person, or one of a setting that clears
   * it; a finding about all a person sees (a collector, a stale share) also goes once revocations end
   * every share in `seen` (that person's exposures).
   */
  finding(
    f: { contactId: number | null; field: DetailField | null } & Pick<Finding, 'rule' | 'actions'>,
    seen?: ReadonlyArray<Pick<Exposure, 'contactId' | 'field' | 'grant'>>,
  ): Live | null;
  /** The revocation that ends one person's view of one detail: about them, or of the setting it comes through. */
  exposure(e: Pick<Exposure, 'contactId' | 'field' | 'grant'>): Live | null;
  /** Nothing is planned: "after your plan" is "now" (the what-if preview skips the second count). */
  none: boolean;
}

/** The key of the setting step that ends a share made through this grant, if one does. */
function settingOf(e: Pick<Exposure, 'field' | 'grant'>): string | null {
  const setting = settingOfShare(e.grant.kind === 'explicit' ? 'grant' : e.grant.kind, e.field);
  return setting && stepKey(setting.action, setting.to, null);
}

/** The live revocations: by person (one detail of theirs, or `*` for all they see), and by setting step key. */
interface LiveIndex {
  byContact: Map<number, Map<DetailField | '*', Live>>;
  settings: Map<string, Live>;
}

/** Indexes the live revocations; a setting's (no person) by its target's step key. */
function indexLive(revocations: readonly RevocationView[]): LiveIndex {
  const byContact = new Map<number, Map<DetailField | '*', Live>>();
  const settings = new Map<string, Live>();
  for (const r of revocations) {
    if (!LIVE_REVOCATION.has(r.status)) continue;
    const live = { id: r.id, status: r.status };
    if (r.contactId === null) {
      settings.set(r.target.replace(/^setting:/, ''), live);
      continue;
    }
    const map = byContact.get(r.contactId) ?? new Map();
    map.set(r.action === 'remove-connection' || r.field === null ? '*' : r.field, live);
    byContact.set(r.contactId, map);
  }
  return { byContact, settings };
}

/** The first of these settings' live revocations once every one of them has one. */
function allOf(settings: ReadonlyMap<string, Live>, keys: readonly string[]): Live | null {
  const live = keys.map((key) => settings.get(key));
  return live.every((l) => l !== undefined) ? live[0]! : null;
}

/** The live revocation of the first of these settings that has one. */
function ofSetting(settings: ReadonlyMap<string, Live>, keys: readonly string[]): Live | null {
  for (const key of keys) {
    const live = settings.get(key);
    if (live) return live;
  }
  return null;
}

/** The first of the revocations that end every share in `seen`, or null when one share stays. */
function endingAll(
  seen: ReadonlyArray<Pick<Exposure, 'contactId' | 'field' | 'grant'>>,
  exposure: RevocationCover['exposure'],
): Live | null {
  let first: Live | null = null;
  for (const e of seen) {
    const live = exposure(e);
    if (!live) return null;
    first ??= live;
  }
  return first;
}

/**
 * Which person and detail a live revocation covers: removing a connection covers all they see; a
 * setting's revocation (no person, target "setting:<step key>") covers every finding that setting
 * clears and every share made through it. The one place that decides it — the full audit, its cheap
 * second phase (audit state) and the what-if preview all ask this.
 */
export function liveRevocations(revocations: readonly RevocationView[]): RevocationCover {
  const { byContact, settings } = indexLive(revocations);
  const get = (contactId: number, field: DetailField) => {
    const map = byContact.get(contactId);
    return map?.get('*') ?? map?.get(field) ?? null;
  };
  const exposure = (e: Pick<Exposure, 'contactId' | 'field' | 'grant'>): Live | null => {
    const own = get(e.contactId, e.field);
    if (own || settings.size === 0) return own;
    const key = settingOf(e);
    return key === null ? null : (settings.get(key) ?? null);
  };
  return {
    get,
    has: (contactId: number, field: DetailField) => get(contactId, field) !== null,
    finding: (f, seen) => {
      const wide = PERSON_WIDE_RULES.has(f.rule);
      // About all a person sees: one detail's revocation does not end it, removing them does.
      const own =
        f.contactId === null
          ? null
          : wide
            ? (byContact.get(f.contactId)?.get('*') ?? null)
            : f.field !== null
              ? get(f.contactId, f.field)
              : null;
      const keys = settings.size > 0 ? settingKeys({ ...f, contact: f.contactId === null ? null : {} }) : [];
      const direct =
        own ?? (ALL_SETTINGS_RULES.has(f.rule) && keys.length > 1 ? allOf(settings, keys) : ofSetting(settings, keys));
      if (direct || settings.size === 0 || !seen?.length || !wide) return direct;
      return endingAll(seen, exposure);
    },
    exposure,
    none: byContact.size === 0 && settings.size === 0,
  };
}
