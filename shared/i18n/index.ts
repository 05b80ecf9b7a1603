/**
 * One message catalogue for the UI, the CLI, the reports and the rules: ICU MessageFormat through
 * FormatJS's intl-messageformat (real plural rules per language), dates and numbers through Intl.
 *
 * Values are data (counts as numbers, dates as ISO strings, details as their field id); they become
 * words here, at display time, in the reader's language:
 * - a string that is an ISO date ("2024-03-01") or timestamp is shown as a date of that locale;
 * - a birthday without year ("--03-07") as day and month;
 * - `field` (a detail id) also yields `yourField` ("your mobile number" / „Ihre Mobilnummer“, the
 *   object of a sentence) and `YourField` (its subject), and is itself replaced by the detail's label;
 * - `network` (linkedin, xing) becomes the network's name.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { DetailField, Evidence, Familiarity, Lang, Severity } from '../domain';
import { de } from './de';
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';
export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, de };

export type MessageValue = string | number | null | undefined;
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** Parsed messages, per language and source text (rule messages live in the rules' meta). */
const compiled: Record<Lang, Map<string, IntlMessageFormat>> = { en: new Map(), de: new Map() };

function compile(lang: Lang, source: string): IntlMessageFormat {
  let format = compiled[lang].get(source);
  if (format === undefined) {
    // No rich-text tags: "<file>" in a usage line is text.
    format = new IntlMessageFormat(source, lang, undefined, { ignoreTag: true });
    compiled[lang].set(source, format);
  }
  return format;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MONTH_DAY = /^--(\d{2})-(\d{2})$/;

const dateFormats: Partial<Record<string, Intl.DateTimeFormat>> = {};
function dateFormat(lang: Lang, kind: 'date' | 'dateTime' | 'monthDay'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  return (dateFormats[key] ??= new Intl.DateTimeFormat(
    lang === 'de' ? 'de-DE' : 'en-GB',
    kind === 'date'
      ? { dateStyle: 'medium', timeZone: 'UTC' }
      : kind === 'monthDay'
        ? { day: 'numeric', month: 'long', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeStyle: 'short' },
  ));
}

/** A date ("2024-03-01"), a timestamp, or a birthday without year ("--03-07") as the reader writes it. */
export function formatDate(lang: Lang, value: string, withTime = false): string {
  const monthDay = MONTH_DAY.exec(value);
  if (monthDay)
    return dateFormat(lang, 'monthDay').format(Date.UTC(2000, Number(monthDay[1]) - 1, Number(monthDay[2])));
  if (DATE.test(value)) return dateFormat(lang, 'date').format(Date.parse(`${value}T00:00:00Z`));
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  // A timestamp is shown in the reader's time zone; without time, as the day it was there.
  return withTime ? dateFormat(lang, 'dateTime').format(time) : dateFormat(lang, 'date').format(time);
}

const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};
export function formatNumber(lang: Lang, value: number): string {
  return (numberFormats[lang] ??= new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB')).format(value);
}

function isField(value: MessageValue): value is DetailField {
  return typeof value === 'string' && `field.${value}` in en;
}

/** Values as words of the reader's language (see the top of this file). */
function prepare(lang: Lang, values: MessageValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) out[key] = 'none';
    else if (typeof value === 'number') out[key] = value;
    else if (key === 'field' && isField(value)) {
      out.field = CATALOGUES[lang][`field.${value}`];
      out.yourField = CATALOGUES[lang][`yourField.${value}`];
      out.YourField = CATALOGUES[lang][`yourFieldSubject.${value}`];
    } else if (key === 'network' && (value === 'linkedin' || value === 'xing'))
      out[key] = CATALOGUES[lang][`network.${value}`];
    else if (DATE.test(value) || TIMESTAMP.test(value) || MONTH_DAY.test(value)) out[key] = formatDate(lang, value);
    else out[key] = value;
  }
  return out;
}

/** Formats an ICU message source (a catalogue entry or a rule's message) in the reader's language. */
export function formatMessage(lang: Lang, source: string, values: MessageValues = {}): string {
  return String(compile(lang, source).format(prepare(lang, values)));
}

/** The catalogue's text for `key` in `lang`, with its values filled in. */
export function message(lang: Lang, key: MessageKey, values: MessageValues = {}): string {
  return formatMessage(lang, CATALOGUES[lang][key], values);
}

/** Whether a key built at run time (an audience, a kind) has a text. */
export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

export const fieldLabel = (lang: Lang, field: DetailField): string => CATALOGUES[lang][`field.${field}`];
export const severityLabel = (lang: Lang, severity: Severity): string => CATALOGUES[lang][`severity.${severity}`];
export const familiarityLabel = (lang: Lang, level: Familiarity): string => CATALOGUES[lang][`familiarity.${level}`];

/** Values of an evidence that are ids of their own (an audience, a link method) become words first. */
function evidenceValues(lang: Lang, evidence: Evidence): MessageValues {
  const { data } = evidence;
  if (evidence.kind === 'declared-setting') {
    const key = `audience.${String(data.audience)}`;
    return { ...data, audience: hasMessage(key) ? message(lang, key, data) : String(data.audience) };
  }
  if (evidence.kind === 'in-address-book') {
    const key = `link.${String(data.method)}`;
    return { ...data, match: hasMessage(key) ? message(lang, key, data) : String(data.match ?? data.method ?? '') };
  }
  return data;
}

/** A file's kind in words ("your LinkedIn phone numbers"), or its id when the catalogue has none. */
export function kindLabel(lang: Lang, kind: string): string {
  const key = `kind.${kind}`;
  return hasMessage(key) ? message(lang, key) : kind;
}

export function evidenceText(evidence: Evidence, lang: Lang): string {
  const key = `evidence.${evidence.kind}`;
  return hasMessage(key)
    ? message(lang, key, evidenceValues(lang, evidence))
    : message(lang, 'evidence.unknown', { kind: evidence.kind });
}
