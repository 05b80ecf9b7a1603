/**
 * The browser host's API (`/api/*`): every call carries the run's token as a header; a contract call
 * is `POST /api/invoke/<channel>` with a JSON body, answered with the service's envelope.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppService } from '../services/app-service';
import type { EventStream } from './events';
import { fail, send } from './http';
import type { Uploads } from './uploads';

const MAX_JSON_BYTES = 8 * 1024 * 1024;
/** The header every API call carries the token in. */
export const TOKEN_HEADER = 'x-shareaudit-token';

/** What the API answers with: the run's token, the service, its uploads and its events. */
export interface Api {
  token: string;
  service: AppService;
  uploads: Uploads;
  events: EventStream;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

class RequestTooLarge extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new RequestTooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

/** A contract call: the channel from the path, the request from the JSON body. */
async function invoke(req: IncomingMessage, res: ServerResponse, pathname: string, api: Api): Promise<void> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'error.hostJsonOnly');
    return;
  }
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (error) {
    if (error instanceof RequestTooLarge) fail(res, 413, 'TOO_LARGE', 'error.hostTooLarge');
    else fail(res, 400, 'BAD_REQUEST', 'error.hostBadJson');
    return;
  }
  const channel = pathname.slice('/api/invoke/'.length);
  let envelope: unknown;
  try {
    envelope = await api.service.dispatch(channel, body);
  } finally {
    await api.uploads.settle(channel, body);
  }
  send(res, 200, JSON.stringify(envelope), 'application/json');
}

/** Answers a request for /api/*: the token first, then the call, an upload or the events stream. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  pathname: string,
  api: Api,
): Promise<void> {
  // The token only ever comes as a header, which the page sets itself: nothing a browser sends
  // on its own (a cookie, the address) is a credential here.
  const header = req.headers[TOKEN_HEADER];
  if (typeof header !== 'string' || !same(header, api.token)) {
    fail(res, 401, 'UNAUTHORIZED', 'error.hostToken');
    return;
  }
  if (req.method === 'POST' && pathname.startsWith('/api/invoke/')) {
    await invoke(req, res, pathname, api);
    return;
  }
  if (req.method === 'PUT' && pathname === '/api/upload') {
    await api.uploads.receive(req, res, url);
    return;
  }
  if (req.method === 'GET' && pathname === '/api/events') {
    api.events.subscribe(req, res);
    return;
  }
  fail(res, 404, 'NOT_FOUND', 'error.hostNotFound');
}
