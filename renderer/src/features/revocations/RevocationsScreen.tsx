import type { Lang } from '../../../../shared/domain';
import { useFeedback } from '../../app/toast';
import { t } from '../../i18n';
import { VirtualList } from '../../ui/VirtualList';
import { RevocationRow } from './RevocationRow';
import { RevocationsHead } from './RevocationsHead';
import { useRevocationsList } from './useRevocationsList';

/**
 * Every revocation, a window at a time — searched by name, still to do or prove, or done — with the
 * step to take on the platform, Undo, and (Enter, or "History") what happened to it since.
 */
export function RevocationsScreen({ lang }: { lang: Lang }) {
  const feedback = useFeedback();
  const list = useRevocationsList();
  const { rows, open, toggle } = list;
  const total = rows.total ?? 0;
  return (
    <section className="card revocations" aria-labelledby="revocations-heading">
      <RevocationsHead
        lang={lang}
        total={total}
        head={rows.head}
        tools={list.tools}
        query={list.query}
        onQuery={list.setQuery}
        group={list.group}
        onGroup={list.setGroup}
      />
      <p className="muted">{t(lang, 'revocationsHint')}</p>
      {rows.total === 0 ? (
        <p className="muted">{t(lang, list.filtered ? 'noMatchingRevocations' : 'noRevocations')}</p>
      ) : (
        <VirtualList
          count={total}
          label={t(lang, 'revocations')}
          estimateSize={64}
          rowKey={rows.rowKey}
          onRange={list.onRange}
          onOpen={(i) => {
            const r = rows.rowAt(i);
            if (r) toggle(r.id);
          }}
          renderRow={(i) => {
            const r = rows.rowAt(i);
            if (!r) return <div className="revocation placeholder" aria-busy="true" />;
            return (
              <RevocationRow lang={lang} r={r} open={open === r.id} onToggle={() => toggle(r.id)} feedback={feedback} />
            );
          }}
        />
      )}
    </section>
  );
}
