/**
 * The revocations screen's head: its heading with the count, and (once there is a revocation) the
 * search by name and the group (still to do or prove, or done).
 */
import type { Response } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/i18n';
import { t } from '../../i18n';
import type { Group } from './useRevocationsList';

export function RevocationsHead({
  lang,
  total,
  head,
  tools,
  query,
  onQuery,
  group,
  onGroup,
}: {
  lang: Lang;
  total: number;
  head: Response<'revocations:list'> | undefined;
  tools: boolean;
  query: string;
  onQuery: (query: string) => void;
  group: Group;
  onGroup: (group: Group) => void;
}) {
  return (
    <div className="findings-head">
      <h2 id="revocations-heading">
        {t(lang, 'revocations')}{' '}
        <span className="count" data-testid="revocations-count">
          {formatNumber(lang, total)}
        </span>
      </h2>
      {tools && (
        <div className="toolbar">
          <input
            type="search"
            placeholder={t(lang, 'searchName')}
            aria-label={t(lang, 'searchName')}
            value={query}
            onChange={(e) => onQuery(e.target.value)}
          />
          <select
            value={group}
            onChange={(e) => onGroup(e.target.value as Group)}
            aria-label={t(lang, 'revocationGroup')}
            data-testid="revocation-group"
          >
            <option value="all">{t(lang, 'revocationGroup_all')}</option>
            <option value="live">{t(lang, 'revocationGroup_live', { n: head?.live ?? 0 })}</option>
            <option value="closed">{t(lang, 'revocationGroup_closed', { n: head?.closed ?? 0 })}</option>
          </select>
        </div>
      )}
    </div>
  );
}
