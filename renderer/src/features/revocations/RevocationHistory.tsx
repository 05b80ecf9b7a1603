/**
 * A revocation's history, opened from its row in the list.
 */
import type { Lang } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/i18n';
import { useContract } from '../../api/client';
import { t } from '../../i18n';

/** What happened to one revocation, each change with its date (and what proved it). */
export function RevocationHistory({ id, lang, domId, name }: { id: number; lang: Lang; domId: string; name: string }) {
  const { data } = useContract('revocation:history', { id });
  if (!data)
    return (
      <p className="revocation-history muted small" id={domId}>
        …
      </p>
    );
  return (
    <ol
      className="revocation-history small"
      id={domId}
      data-testid="revocation-history"
      aria-label={`${t(lang, 'revocationHistory')}: ${name}`}
    >
      {data.events.map((e, i) => (
        <li key={i}>
          {formatDate(lang, e.at)} · {t(lang, `revocationStatus_${e.status}`)}
          {e.note && <span className="muted"> · {e.note}</span>}
        </li>
      ))}
    </ol>
  );
}
