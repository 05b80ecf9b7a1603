import type { ErrorCode, ErrorInfo } from '../../shared/contract';

/** An error meant for the user: a stable code and one clear line. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A fatal problem with one input file; the message names the file, the line or entry and the reason. */
export class ImportError extends AppError {
  constructor(file: string, reason: string, line?: number) {
    super('IMPORT_FAILED', `${file}${line !== undefined ? `, line ${line}` : ''}: ${reason}`);
    this.name = 'ImportError';
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
