/** The demo's XING contacts (demo.ts): made up like its LinkedIn export, from the same words and generator. */
import { COMPANIES, FIRST, LAST } from './demo-words';
import { memoryFile, type SourceFile } from './importers/source';

/** A few XING contacts, as single vCards the way XING writes them (2.1, ISO-8859-1 names). */
export function xingCards(pick: <T>(list: readonly T[]) => T): SourceFile[] {
  const cards: SourceFile[] = [];
  const categories = ['Kunde', 'persönlich getroffen', 'Partner', 'Win-win', 'Recruiting', ''];
  for (let i = 0; i < 24; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const name = `${first}_${last}`
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/ı/g, 'i')
      .replace(/[^A-Za-z_]/g, '');
    const card = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nPRODID:-//XING//www.xing.com//DE\r\n', 'utf8'),
      Buffer.from(
        `N;CHARSET=ISO-8859-1:${last};${first}\r\nFN;CHARSET=ISO-8859-1:${first} ${last}\r\nORG;CHARSET=ISO-8859-1:${pick(COMPANIES)}\r\n`,
        'latin1',
      ),
      Buffer.from(
        `URL;TYPE=WORK:https://www.xing.com/profile/${name}${i}\r\nCATEGORIES;CHARSET=UTF-8:${categories[i % categories.length]}\r\nEND:VCARD\r\n`,
        'utf8',
      ),
    ]);
    cards.push({ ...memoryFile(`${name}.vcf`, card), display: `Demo › XING › ${name}.vcf`, container: 'Demo XING' });
  }
  return cards;
}
