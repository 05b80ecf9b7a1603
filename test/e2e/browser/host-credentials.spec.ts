/**
 * Issue 13 item 9: browsers do not separate cookies by port, so anything of ours that a browser sends
 * by itself also reaches every other server on 127.0.0.1. A second local server records whatever
 * Chromium sends it after the ShareAudit page was opened (a new tab, the same tab, and its own page
 * trying requests to the host), then replays every header and every token-like string against the
 * host's API. Nothing may work, and the host's data must stay as it was.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '../pages/app-page';
import { expect, ShareAuditPage, test } from './host-fixture';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Answer {
  status: number;
  body: string;
}

function call(
  port: number,
  path: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The other server's page: it tries, from the browser, what a hostile local page could. */
const hostilePage = (hostPort: number): string => `<!doctype html><html><head><title>other</title></head><body><script>
const target = 'http://127.0.0.1:${hostPort}';
const report = (what, detail) => fetch('/report', { method: 'POST', body: JSON.stringify({ what, detail: String(detail) }) });
(async () => {
  for (const [path, body] of [['/api/invoke/import:history', '{}'], ['/api/invoke/demo:load', '{}']]) {
    // A simple request (no preflight): the browser sends it, but cannot read the answer.
    try { await fetch(target + path, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }); await report('no-cors ' + path, 'sent'); } catch (e) { await report('no-cors ' + path, e); }
    try { const r = await fetch(target + path, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body }); await report('cors ' + path, await r.text()); } catch (e) { await report('cors ' + path, e); }
  }
  try { const r = await fetch(target + '/', { credentials: 'include' }); await report('page', await r.text()); } catch (e) { await report('page', e); }
  await report('done', '');
})();
</script></body></html>`;

test('no credential a browser sends to another local port authorises anything', async ({
  page,
  host,
  context,
  dataDir,
}) => {
  // Not the `app` fixture: the hostile page's refused requests log errors in this tab, as they should.
  await page.goto(host.url);
  const app = new ShareAuditPage(page);
  await app.loadDemo();
  const hostPort = Number(new URL(host.url).port);
  const token = /[?#]token=([0-9a-f]{64})$/.exec(host.url)![1]!;
  // The page keeps the token to itself: out of the address bar, in this tab's sessionStorage only.
  expect(page.url()).not.toContain(token);
  expect(await context.cookies()).toEqual([]);

  const seen: Seen[] = [];
  const reports: Array<{ what: string; detail: string }> = [];
  const other: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/report') reports.push(JSON.parse(body) as { what: string; detail: string });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(req.url === '/report' ? '' : hostilePage(hostPort));
    });
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const otherPort = (other.address() as { port: number }).port;
  try {
    // The user opens another local page in a new tab of the same browser…
    const tab = await context.newPage();
    await tab.goto(`http://127.0.0.1:${otherPort}/`);
    await expect.poll(() => reports.some((r) => r.what === 'done')).toBe(true);
    await tab.close();
    // …and in the ShareAudit tab itself (a link, a bookmark, a typed address).
    reports.length = 0;
    await page.goto(`http://127.0.0.1:${otherPort}/from-the-app-tab?x=1`);
    await expect.poll(() => reports.some((r) => r.what === 'done')).toBe(true);
  } finally {
    other.closeAllConnections();
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }

  // What the other server received holds nothing of ours: no token, no cookie.
  expect(seen.length).toBeGreaterThan(2);
  expect(JSON.stringify(seen)).not.toContain(token);
  expect(seen.filter((s) => s.headers.cookie !== undefined)).toEqual([]);
  // Its page learnt nothing either: every read of the host was refused by the browser or the host.
  for (const r of reports.filter((r) => r.what.startsWith('cors ') || r.what === 'page'))
    expect(r.detail, r.what).not.toMatch(/"ok":true|connections|shareaudit-token/i);

  // Replay: every header value and every token-like string the other server saw, against the host.
  const candidates = new Set<string>();
  for (const s of seen) {
    for (const value of Object.values(s.headers).flat())
      if (typeof value === 'string') {
        candidates.add(value);
        for (const part of value.split(/[;,=\s]+/)) if (part) candidates.add(part);
      }
    for (const m of `${s.url} ${s.body}`.matchAll(/[0-9a-zA-Z_-]{16,}/g)) candidates.add(m[0]);
  }
  const csv = join(dataDir, 'Connections.csv');
  writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nEve,Spy,,,,,01 Jan 2020\n');
  const attempts: Array<{ label: string; answer: Answer }> = [];
  const base = { Host: `127.0.0.1:${hostPort}`, 'Content-Type': 'application/json' };
  for (const s of seen) {
    // The exact headers the browser sent, only pointed at the host.
    const headers = Object.fromEntries(
      Object.entries(s.headers).flatMap(([k, v]) => (typeof v === 'string' && k !== 'content-length' ? [[k, v]] : [])),
    );
    attempts.push({
      label: `replay of ${s.url}`,
      answer: await call(hostPort, '/api/invoke/import:history', 'POST', { ...headers, ...base }, '{}'),
    });
  }
  for (const value of candidates) {
    const header = value.replace(/[^\x20-\x7e]/g, '');
    for (const [label, path, headers] of [
      ['as token header', '/api/invoke/import:history', { 'X-ShareAudit-Token': header }],
      ['as cookie', '/api/invoke/import:history', { Cookie: header, 'X-ShareAudit-Token': header }],
      ['in the address', `/api/invoke/import:history?token=${encodeURIComponent(value)}`, {}],
    ] as const)
      attempts.push({
        label: `${value.slice(0, 40)} ${label}`,
        answer: await call(hostPort, path, 'POST', { ...base, ...headers }, '{}'),
      });
    attempts.push({
      label: `${value.slice(0, 40)} importing a file`,
      answer: await call(
        hostPort,
        '/api/invoke/import:run',
        'POST',
        { ...base, 'X-ShareAudit-Token': header, Cookie: `shareaudit=${header}` },
        JSON.stringify({ sources: [{ path: csv }] }),
      ),
    });
  }
  expect(attempts.length).toBeGreaterThan(20);
  expect(attempts.filter((a) => a.answer.status !== 401).map((a) => `${a.label}: ${a.answer.status}`)).toEqual([]);
  for (const a of attempts) expect(JSON.parse(a.answer.body), a.label).toMatchObject({ ok: false });

  // The host's data is as it was: nothing imported, nothing loaded twice.
  await page.goto(host.url);
  await expect(app.stat('connections')).toHaveText(DEMO.connections);
  const history = await call(
    hostPort,
    '/api/invoke/import:history',
    'POST',
    { ...base, 'X-ShareAudit-Token': token },
    '{}',
  );
  expect((JSON.parse(history.body) as { value: { runs: unknown[] } }).value.runs).toHaveLength(1);
});
