/** A LinkedIn messages.csv row read into its result (the other kinds' rows: linkedin-rows.ts). */
import { messageDateKey } from './dates';
import type { LinkedInSink } from './linkedin';
import { ME, type MessagesResult } from './linkedin-kinds';

/** A list cell (To, Recipient Profile URLs): its items. */
function list(value: string): string[] {
  return value.includes(',') ? value.split(/,\s*/) : [value];
}

/** The name of a message's only recipient, from its To cell. */
export function firstName(to: string): string {
  return to.includes(',') ? list(to)[0]! : to;
}

/** One message: its sender and recipients (by profile URL, or by name in a legacy file) counted. */
export function messageRow(sink: LinkedInSink, result: MessagesResult, f: string[], line: number): void {
  const date = messageDateKey(sink.text(sink.col(f, 'date')));
  let from: number | null;
  let to: number[] = [];
  if (result.legacy) {
    // Legacy files say who "I" am through Direction.
    if (/^outgoing$/i.test(sink.col(f, 'direction'))) {
      from = sink.participant(result, '', ME);
      for (const n of list(sink.col(f, 'to'))) {
        const k = sink.participant(result, '', n);
        if (k !== null) to.push(k);
      }
    } else {
      from = sink.participant(result, '', sink.col(f, 'from'));
      const me = sink.participant(result, '', ME);
      if (me !== null) to = [me];
    }
  } else {
    from = sink.participant(result, sink.col(f, 'sender profile url'), sink.col(f, 'from'));
    const urlsRaw = sink.col(f, 'recipient profile urls');
    const toRaw = sink.col(f, 'to');
    if (urlsRaw !== '' && !urlsRaw.includes(',')) {
      // One recipient, by far the most common case: no lists.
      sink.countMessage(result, line, from, sink.participant(result, urlsRaw, firstName(toRaw)), date);
      return;
    }
    const names = list(toRaw);
    if (urlsRaw !== '') {
      const urls = list(urlsRaw);
      for (let i = 0; i < urls.length; i++) {
        const k = sink.participant(result, urls[i]!, names[i] ?? '');
        if (k !== null) to.push(k);
      }
    } else {
      for (const n of names) {
        const k = sink.participant(result, '', n);
        if (k !== null) to.push(k);
      }
    }
  }
  sink.countMessage(result, line, from, to, date);
}
