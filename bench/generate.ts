/** A generated LinkedIn export of a heavy user, for the benchmark: nothing real in it. */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) {
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export async function generateHeavyExport(dir: string, connections = 30_000, messages = 300_000): Promise<string> {
  const target = join(dir, `export-${connections}-${messages}`);
  if (existsSync(join(target, 'Profile.csv'))) return target;
  mkdirSync(target, { recursive: true });
  await writeLines(
    join(target, 'Connections.csv'),
    (function* () {
      yield 'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n';
      yield 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
      for (let i = 0; i < connections; i++) {
        yield `Vorname${i},Nachname${i},https://www.linkedin.com/in/person-${i.toString(36)},,"Firma ${i % 997}, GmbH & Co. KG",Position ${i % 31},${1 + (i % 28)} ${MONTHS[i % 12]} ${2008 + (i % 18)}\r\n`;
      }
    })(),
  );
  const body =
    'Hallo, vielen Dank für Ihre Nachricht. Gern können wir nächste Woche telefonieren, ich melde mich mit ein paar Terminvorschlägen. Viele Grüße';
  await writeLines(
    join(target, 'messages.csv'),
    (function* () {
      yield 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n';
      for (let i = 0; i < messages; i++) {
        const other = (i * 7919) % connections;
        const them = [`Vorname${other} Nachname${other}`, `https://www.linkedin.com/in/person-${other.toString(36)}`];
        const me = ['Ich Selbst', 'https://www.linkedin.com/in/ich-selbst'];
        const [from, to] = i % 3 === 0 ? [me, them] : [them, me];
        const d = new Date(Date.UTC(2015, 0, 1) + i * 997_000);
        const date = d.toISOString().replace('T', ' ').slice(0, 19);
        yield `2-${other.toString(36)},,${from[0]},${from[1]},${to[0]},${to[1]},${date} UTC,,"<p>${body} (${i})</p>",INBOX\n`;
      }
    })(),
  );
  // The user's own details: primary private email, a mobile, a birthday with year.
  await writeLines(join(target, 'Email Addresses.csv'), [
    'Email Address,Confirmed,Primary,Updated On\n',
    'ich.selbst@gmx.de,Yes,Yes,\n',
    'ich@firma.example,Yes,No,\n',
  ]);
  await writeLines(join(target, 'PhoneNumbers.csv'), ['Extension,Number,Type\n', ',+49 171 5550100,Mobile\n']);
  await writeLines(join(target, 'Profile.csv'), [
    'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n',
    'Ich,Selbst,,,"Mar 7, 1980",Beraterin,,,,,,,\n',
  ]);
  return target;
}
