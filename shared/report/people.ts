/** Who sees which detail, through which grant, since when; the counts by detail and familiarity; the settings used. */
import {
  DETAIL_FIELDS,
  LIVE_REVOCATION,
  type DetailField,
  type Familiarity,
  type Grant,
  type Lang,
  type RevocationStatus,
  type RevocationView,
} from '../domain';
import { familiarityLabel, fieldLabel, formatDate } from '../i18n';
import type { SharingSettings } from '../sharing';
import { statusLabel, Words } from './findings';
import { say } from './text';
import type { ReportExposureRow, ReportPerson, ReportPersonInput, ReportSetting } from './types';

type AudienceKey = 'only-me' | 'first-degree' | 'first-and-second' | 'everyone' | 'nobody' | 'contacts' | 'members';
const AUDIENCES: readonly string[] = [
  'only-me',
  'first-degree',
  'first-and-second',
  'everyone',
  'nobody',
  'contacts',
  'members',
] satisfies AudienceKey[];

function audienceLabel(lang: Lang, audience: string): string {
  return AUDIENCES.includes(audience) ? say(lang, `audience.${audience as AudienceKey}`) : audience;
}

/** The grant in words: the audience it reaches, or that it was released to this person. */
export function grantLabel(lang: Lang, grant: Grant): string {
  if (grant.kind === 'explicit') return say(lang, 'grant.explicit');
  if (grant.kind === 'default') return say(lang, 'grant.default');
  return say(lang, grant.kind === 'category' ? 'grant.category' : 'grant.audience', {
    audience: audienceLabel(lang, grant.audience),
    network: grant.network,
  });
}

/** Which person and detail a live revocation covers (removing a connection covers everything). */
export function liveCover(revocations: readonly RevocationView[]): LiveCover {
  const map = new Map<string, { id: number; status: RevocationStatus }>();
  for (const r of revocations)
    if (LIVE_REVOCATION.has(r.status) && r.contactId !== null)
      map.set(r.action === 'remove-connection' ? `${r.contactId}:*` : `${r.contactId}:${r.field}`, {
        id: r.id,
        status: r.status,
      });
  return (contactId: number, field: DetailField) =>
    map.get(`${contactId}:*`) ?? map.get(`${contactId}:${field}`) ?? null;
}

export type LiveCover = (contactId: number, field: DetailField) => { id: number; status: RevocationStatus } | null;

/** One person who sees something: how well the user knows them, and what they see through which grant. */
export function reportPerson(lang: Lang, p: ReportPersonInput, cover: LiveCover, words: Words): ReportPerson {
  return {
    contactId: p.contact.id,
    name: p.contact.name,
    network: p.contact.network,
    profileUrl: p.contact.profileUrl,
    company: p.contact.company,
    position: p.contact.position,
    connectedOn: p.contact.connectedOn,
    familiarity: p.familiarity.level,
    familiarityLabel: familiarityLabel(lang, p.familiarity.level),
    familiarityScore: p.familiarity.score,
    evidence: p.familiarity.evidence.map((e) => words.evidence(e)),
    sees: p.exposures.map((e) => {
      const revocation = cover(p.contact.id, e.field);
      return {
        field: e.field,
        fieldLabel: fieldLabel(lang, e.field),
        grant: words.once(`g:${e.grant.kind}:${e.grant.network}:${e.grant.audience}`, () => grantLabel(lang, e.grant)),
        grantKind: e.grant.kind,
        assumed: e.grant.assumed,
        since:
          e.since === null
            ? null
            : { iso: e.since, text: words.once(`d:${e.since}`, () => formatDate(lang, e.since!)) },
        public: e.public,
        revocation: revocation && { ...revocation, statusLabel: statusLabel(lang, revocation.status) },
      };
    }),
  };
}

/** How many people see each detail now, by how well the user knows them. */
export function exposureRows(
  lang: Lang,
  people: readonly ReportPersonInput[],
  revocations: readonly RevocationView[],
): ReportExposureRow[] {
  const cover = liveCover(revocations);
  const by = new Map<DetailField, Record<Familiarity, number> & { planned: number }>();
  for (const p of people)
    for (const e of p.exposures) {
      const counts = by.get(e.field) ?? { known: 0, acquainted: 0, unfamiliar: 0, planned: 0 };
      counts[p.familiarity.level]++;
      if (cover(p.contact.id, e.field)) counts.planned++;
      by.set(e.field, counts);
    }
  return DETAIL_FIELDS.filter((f) => by.has(f)).map((field) => {
    const c = by.get(field)!;
    return {
      field,
      label: fieldLabel(lang, field),
      known: c.known,
      acquainted: c.acquainted,
      unfamiliar: c.unfamiliar,
      total: c.known + c.acquainted + c.unfamiliar,
      revocationPlanned: c.planned,
    };
  });
}

/** The sharing settings the audit used: each as declared by the user or assumed (the platform's default). */
export function settingRows(lang: Lang, sharing: SharingSettings): ReportSetting[] {
  const li = sharing.linkedin;
  const yesNo = (v: boolean) => say(lang, v ? 'yes' : 'no');
  const rows: ReportSetting[] = [
    {
      network: 'linkedin',
      setting: say(lang, 'setting.email'),
      value: audienceLabel(lang, li.emailVisibility.value),
      declared: li.emailVisibility.declared,
    },
    {
      network: 'linkedin',
      setting: say(lang, 'setting.download'),
      value: yesNo(li.allowEmailDownload.value),
      declared: li.allowEmailDownload.declared,
    },
    {
      network: 'linkedin',
      setting: say(lang, 'setting.phone'),
      value: audienceLabel(lang, li.phoneVisibility.value),
      declared: li.phoneVisibility.declared,
    },
    {
      network: 'linkedin',
      setting: say(lang, 'setting.birthday'),
      value: audienceLabel(lang, li.birthdayVisibility.value),
      declared: li.birthdayVisibility.declared,
    },
  ];
  const xing = sharing.xing;
  rows.push({
    network: 'xing',
    setting: say(lang, 'setting.xingModel'),
    value: say(lang, xing.model.value === 'category' ? 'xingModel.category' : 'xingModel.per-contact'),
    declared: xing.model.declared,
  });
  if (xing.model.value === 'category')
    for (const c of ['business', 'private', 'birthday'] as const)
      rows.push({
        network: 'xing',
        setting: say(lang, `setting.xingCategory.${c}`),
        value: audienceLabel(lang, xing.categories[c].value),
        declared: xing.categories[c].declared,
      });
  for (const d of xing.defaults)
    rows.push({
      network: 'xing',
      setting: say(lang, 'setting.xingDefault', { from: d.from }),
      value: d.fields.map((f) => fieldLabel(lang, f)).join(', '),
      declared: true,
    });
  if (xing.grants.length > 0)
    rows.push({
      network: 'xing',
      setting: say(lang, 'setting.xingGrants'),
      value: String(xing.grants.length),
      declared: true,
    });
  return rows;
}
