import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temp folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'shareaudit-test-'));
    dirs.push(dir);
    return dir;
  };
}

export function write(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export const CONNECTIONS_2024 = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Erika,Musterfrau,https://www.linkedin.com/in/erika-musterfrau-1a2b,,"Beispiel GmbH, Berlin","Leiterin ""Digital""",20 Mar 2024',
  'Max,Mustermann,https://www.linkedin.com/in/max-mustermann,,Muster AG,Recruiter,05 Jan 2019',
  'Jürgen,Öztürk 🚀,https://www.linkedin.com/in/j%C3%BCrgen-%C3%B6zt%C3%BCrk,,,,11 Nov 2011',
  ',,https://www.linkedin.com/in/only-url,,,,01 Feb 2020',
].join('\r\n');

export const CONNECTIONS_2018 = [
  'First Name,Last Name,Email Address,Company,Position,Connected On',
  'Erika,Musterfrau,,Beispiel GmbH,Leiterin,"1/8/18, 6:14 PM"',
  'Hans,Beispiel,hans@example.com,Firma,Coach,"3/12/17, 11:20 AM"',
].join('\n');

export const MESSAGES_2024 = [
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
  '2-a,,Erika Musterfrau,https://www.linkedin.com/in/erika-musterfrau-1a2b,Ich Selbst,https://www.linkedin.com/in/ich-selbst,2024-03-20 15:09:26 UTC,,"<p>Hallo,\nwie geht es?</p>",INBOX',
  '2-a,,Ich Selbst,https://www.linkedin.com/in/ich-selbst,Erika Musterfrau,https://www.linkedin.com/in/erika-musterfrau-1a2b,2024-03-21 08:00:00 UTC,,Gut!,INBOX',
  '2-b,,Max Mustermann,https://www.linkedin.com/in/max-mustermann,Ich Selbst,https://www.linkedin.com/in/ich-selbst,2024-04-01 10:00:00 UTC,,Spannende Position für Sie!,INBOX',
  '2-c,,Ich Selbst,https://www.linkedin.com/in/ich-selbst,Someone Else,https://www.linkedin.com/in/someone-else,2024-04-02 10:00:00 UTC,,Hi,SENT',
].join('\n');

export const EMAILS = [
  'Email Address,Confirmed,Primary,Updated On',
  'ich.selbst@gmx.de,Yes,Yes,"3/12/24, 11:20 AM"',
  'ich@firma.example,Yes,No,',
].join('\n');
export const PHONES = ['Extension,Number,Type', ', +49 171 5550100,Mobile', ',,'].join('\n');
