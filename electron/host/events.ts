/**
 * The browser host's events stream (`GET /api/events`): one JSON line per event (import progress),
 * written to every page listening.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Events } from '../../shared/contract';

export class EventStream {
  private readonly listeners = new Set<ServerResponse>();

  /** Sends an event to every page listening (the service's `emit` hook). */
  readonly emit = <E extends keyof Events>(event: E, payload: Events[E]): void => {
    const line = `${JSON.stringify({ event, payload })}\n`;
    for (const res of this.listeners) res.write(line);
  };

  /** Answers `GET /api/events`: the response stays open, one line per event, until the page goes. */
  subscribe(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'application/x-ndjson',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write('\n');
    this.listeners.add(res);
    req.on('close', () => this.listeners.delete(res));
  }

  /** Ends every open stream (the host closes). */
  close(): void {
    for (const res of this.listeners) res.end();
  }
}
