import type { Lang } from '../../../../shared/domain';
import { t } from '../../i18n';
import { VirtualList } from '../../ui/VirtualList';
import { GrantToolbar } from './GrantToolbar';
import { PeopleHead } from './PeopleHead';
import { PersonRow } from './PersonRow';
import { usePeopleList } from './usePeopleList';

/** Every person and what they can see: the exposure model, per person, with XING grants to edit. */
export function PeopleScreen({ lang }: { lang: Lang }) {
  const list = usePeopleList();
  const { rows, selected, toggle } = list;
  return (
    <section className="card" aria-labelledby="people-heading">
      <PeopleHead
        lang={lang}
        total={rows.total}
        query={list.query}
        onQuery={list.setQuery}
        network={list.network}
        onNetwork={list.setNetwork}
      />
      <GrantToolbar lang={lang} selected={selected} onDone={list.clear} />
      <VirtualList
        count={rows.total ?? 0}
        label={t(lang, 'people')}
        testId="people-list"
        estimateSize={84}
        rowKey={rows.rowKey}
        onRange={list.onRange}
        onSelect={(i) => {
          const person = rows.rowAt(i);
          if (person?.contact.network === 'xing') toggle(person.contact.id);
        }}
        renderRow={(i) => {
          const person = rows.rowAt(i);
          if (!person) return <div className="person placeholder" aria-busy="true" />;
          return (
            <PersonRow
              lang={lang}
              person={person}
              selected={selected.has(person.contact.id)}
              onToggle={() => toggle(person.contact.id)}
            />
          );
        }}
      />
    </section>
  );
}
