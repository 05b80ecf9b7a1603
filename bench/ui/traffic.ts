/**
 * The network, as the DevTools protocol reports it: every request the page makes (the /api/ calls and
 * the static assets), with its start, the time to its first byte and its body's size, so that an
 * interaction's requests can be told apart from those before it.
 */
import type { CDPSession } from '@playwright/test';
import { round, type ApiRequest } from './results';

interface Pending {
  loaderId: string;
  seq: number;
  channel: string;
  api: boolean;
  startWall: number;
  startMono: number;
  ttfbMs: number;
  bytes: number;
  sentBytes: number;
}
interface Done extends Pending {
  endMono: number;
}

export class ApiTraffic {
  seq = 0;
  /** The page's own frame: the first document it loads. */
  private mainFrame: string | undefined;
  readonly inflight = new Map<string, Pending>();
  readonly done: Done[] = [];

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      // A new page (a reload) ends what the old one had open: Chromium does not always report those
      // requests as failed, and the old page will never read their answers.
      if (e.type === 'Document' && (this.mainFrame ??= e.frameId) === e.frameId)
        for (const [id, r] of this.inflight) if (r.loaderId !== e.loaderId) this.inflight.delete(id);
      const url = new URL(e.request.url);
      // The event stream stays open for the page's life (import progress); it is not an interaction's.
      if (!url.protocol.startsWith('http') || url.pathname === '/api/events') return;
      const api = url.pathname.startsWith('/api/');
      this.inflight.set(e.requestId, {
        loaderId: e.loaderId,
        seq: ++this.seq,
        channel: api ? decodeURIComponent(url.pathname.replace(/^\/api\/(invoke\/)?/, '')) : url.pathname,
        api,
        startWall: e.wallTime * 1000,
        startMono: e.timestamp,
        ttfbMs: 0,
        bytes: 0,
        sentBytes: e.request.postData?.length ?? 0,
      });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = this.inflight.get(e.requestId);
      const t = e.response.timing;
      if (r && t) r.ttfbMs = (t.requestTime - r.startMono) * 1000 + t.receiveHeadersEnd;
    });
    cdp.on('Network.dataReceived', (e) => {
      const r = this.inflight.get(e.requestId);
      if (r) r.bytes += e.dataLength;
    });
    const finish = (requestId: string, timestamp: number): void => {
      const r = this.inflight.get(requestId);
      if (!r) return;
      this.inflight.delete(requestId);
      this.done.push({ ...r, endMono: timestamp });
    };
    cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.timestamp));
    cdp.on('Network.loadingFailed', (e) => finish(e.requestId, e.timestamp));
  }

  since(seq: number, timeOrigin: number, inputAt: number): ApiRequest[] {
    return this.done
      .filter((r) => r.seq > seq)
      .sort((a, b) => a.seq - b.seq)
      .map((r) => ({
        channel: r.channel,
        api: r.api,
        atMs: round(r.startWall - timeOrigin - inputAt),
        ttfbMs: round(r.ttfbMs),
        totalMs: round((r.endMono - r.startMono) * 1000),
        bytes: r.bytes,
        sentBytes: r.sentBytes,
      }));
  }
}
