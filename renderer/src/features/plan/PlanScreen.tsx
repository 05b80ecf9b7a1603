import { useState } from 'react';
import type { Lang } from '../../../../shared/domain';
import { useContract } from '../../api/client';
import { errorText } from '../../i18n';
import { GuidedSession } from './GuidedSession';
import { Plans } from './Plans';
import './plan.css';

/** The guided session while one is open (it survives closing the app), else the plans. */
export function PlanScreen({ lang }: { lang: Lang }) {
  const session = useContract('session:get', {});
  // A session that ends (or finishes) hands focus to the plans that take its place.
  const [hadSession, setHadSession] = useState(false);
  if (session.data && !hadSession) setHadSession(true);
  if (session.data) return <GuidedSession lang={lang} session={session.data} />;
  if (session.error) return <p role="alert">{errorText(lang, session.error)}</p>;
  // Plans are computed only while they are on screen, not after each step of a session.
  return session.data === null ? <Plans lang={lang} focusHeading={hadSession} /> : null;
}
