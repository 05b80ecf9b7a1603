import { useEffect, useRef } from 'react';
import type { Lang } from '../../../../shared/domain';
import type { ReauditReminder } from '../../../../shared/history-reminder';
import { useContract } from '../../api/client';
import { useFeedback } from '../../app/toast';
import { day, h } from './chart-kit';

/** The re-audit reminder's words: how old the newest export is, and what a new one will prove. */
export function reminderText(lang: Lang, r: ReauditReminder): string {
  const due = h(lang, 'history.reminderDue', { date: day(lang, r.newestExport ?? ''), days: r.days ?? 0 });
  return r.waitingForProof > 0 ? `${due} ${h(lang, 'history.reminderProof', { n: r.waitingForProof })}` : due;
}

/** The platform's "get a copy of your data" page (allow-listed; the desktop app opens it in the system browser). */
export function DataExportLink({ lang, url }: { lang: Lang; url: string }) {
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" data-testid="data-export-link">
      {h(lang, 'history.reminderLink')}
    </a>
  );
}

/** On the overview while a new export is due. */
export function ReminderBanner({ lang, reminder }: { lang: Lang; reminder: ReauditReminder }) {
  if (!reminder.due) return null;
  return (
    <p className="banner reminder" role="note" data-testid="reaudit-reminder">
      <span>{reminderText(lang, reminder)}</span> <DataExportLink lang={lang} url={reminder.url} />
    </p>
  );
}

/** On start: once, while a new export is due, the reminder as a toast (the overview keeps it as a banner). */
export function useReauditToast(lang: Lang, enabled: boolean): void {
  const feedback = useFeedback();
  const reminder = useContract('history:reminder', {}, enabled).data;
  const shown = useRef(false);
  useEffect(() => {
    if (!reminder?.due || shown.current) return;
    shown.current = true;
    feedback.show({ text: reminderText(lang, reminder) });
  }, [reminder, lang, feedback]);
}
