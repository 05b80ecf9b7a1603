/**
 * The re-audit reminder: an audit is as old as the newest export it read. After the policy's number
 * of days ShareAudit says so — with the platform's page to request a copy of your data and what a
 * new export will prove (the revocations done on the platform and waiting for proof).
 */
import { DATA_EXPORT_PAGE } from './platform';

export interface ReauditReminder {
  /** The day the newest export was made (YYYY-MM-DD), or null before any import. */
  newestExport: string | null;
  /** Whole days from that day to today. */
  days: number | null;
  /** The policy's number of days after which a new export is due. */
  afterDays: number;
  due: boolean;
  /** Revocations marked done on the platform that only a newer export can prove. */
  waitingForProof: number;
  /** Where to request a copy of your data. */
  url: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days from one calendar day to another (both YYYY-MM-DD, in UTC, so no daylight-saving hour counts). */
export function daysBetween(from: string, to: string): number {
  const a = DAY.exec(from);
  const b = DAY.exec(to);
  if (!a || !b) throw new RangeError(`not a day: ${a ? to : from}`);
  const utc = (m: RegExpExecArray): number => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/** Due on the Nth day after the newest export, never before any export. */
export function reauditReminder(
  newestExport: string | null,
  today: string,
  afterDays: number,
  waitingForProof: number,
): ReauditReminder {
  const days = newestExport === null ? null : daysBetween(newestExport, today);
  return {
    newestExport,
    days,
    afterDays,
    due: days !== null && days >= afterDays,
    waitingForProof,
    url: DATA_EXPORT_PAGE,
  };
}
