/**
 * The browser host's answers: every one carries the same security headers, and every error is the
 * contract's envelope.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../shared/csp';
import type { MessageKey, MessageValues } from '../../shared/i18n';
import { AppError, toErrorInfo } from '../services/errors';

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...HEADERS, 'Content-Type': type });
  res.end(body);
}

/**
 * Every error is the contract's envelope with a stable code, its words from the catalogue: never a
 * stack, an exception's text or a path of this machine.
 */
export function fail(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  messageId: MessageKey,
  values: MessageValues = {},
): void {
  const body = JSON.stringify({ ok: false, error: toErrorInfo(new AppError(code, messageId, values)) });
  if (res.headersSent) {
    res.end();
    return;
  }
  // A request refused before its body was read: close the connection rather than read the body.
  res.writeHead(status, { ...HEADERS, 'Content-Type': 'application/json', Connection: 'close' });
  res.end(body);
}

/** decodeURIComponent, or null for a malformed escape ("%", "%E0%A4%A"). */
export function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
