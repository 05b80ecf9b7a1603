import type { ErrorCode, ErrorInfo } from '../../shared/contract';
import { message, type MessageKey, type MessageValues } from '../../shared/i18n';
import { noteOf, type Reason } from './importers/reason';

/**
 * An error meant for the user: a stable code, and its words as a catalogue key with values, so that
 * each reader (the app, the CLI) shows it in their language. `message` is the English text (logs, tests).
 */
export class AppError extends Error {
  readonly values: Record<string, string | number>;
  constructor(
    readonly code: ErrorCode,
    readonly messageId: MessageKey,
    values: MessageValues = {},
  ) {
    super(message('en', messageId, values));
    this.name = 'AppError';
    this.values = Object.fromEntries(
      Object.entries(values).filter(
        (entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined,
      ),
    );
  }
}

/**
 * A fatal problem with one input file; the message names the file, the line or entry and the reason
 * (a key of shared/i18n/parts/importer.ts with its values, shown in each reader's language).
 */
export class ImportError extends AppError {
  constructor(file: string, reason: Reason, line?: number) {
    const note = noteOf(file, reason, line);
    super('IMPORT_FAILED', note.messageId, note.values);
    this.name = 'ImportError';
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError)
    return { code: error.code, message: error.message, messageId: error.messageId, values: error.values };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: detail, messageId: 'error.INTERNAL', values: { detail } };
}
