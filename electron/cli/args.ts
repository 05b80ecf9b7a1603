/**
 * The CLI's command line, checked before anything is opened or written: the options, the language of
 * everything printed, the region of phone numbers, the command and a report's target.
 */
import type { CountryCode } from 'libphonenumber-js';
import { parseArgs } from 'node:util';
import type { Lang } from '../../shared/domain';
import { message } from '../../shared/i18n';
import { isCountryCode } from '../services/importers/normalise';
import { defaultDbPath } from '../services/paths';
import { reportTarget, type ReportTarget } from './report';
import { REVOCATION_COMMANDS } from './revocations';

/** The language of everything printed: --lang, else the environment's (LC_ALL, LC_MESSAGES, LANG), else English. */
export function envLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  contact: { type: 'string' },
  on: { type: 'string' },
  variant: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const COMMANDS = ['import', 'audit', 'report', 'demo', 'history', 'forget', 'plan', ...REVOCATION_COMMANDS];

/** A command to run, as the command line gave it. */
export interface CommandLine {
  command: string;
  args: string[];
  values: Values;
  lang: Lang;
  region?: CountryCode;
  reportTo: ReportTarget | null;
}

type Checked = CommandLine | { exit: number; stdout?: string; stderr?: string };

/**
 * A command line checked before anything is opened: what to run, or the exit code and what to print
 * (the usage, or what is wrong with it).
 */
export function checkCommandLine(argv: readonly string[]): Checked {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return { exit: 2, stderr: `shareaudit: ${(error as Error).message}` };
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  const requested = values.lang ?? envLang();
  const lang: Lang = requested === 'de' ? 'de' : 'en';
  const fail = (where: string, text: string): Checked => ({ exit: 2, stderr: `${where}: ${text}` });
  if (requested !== 'de' && requested !== 'en')
    return fail('shareaudit', message(lang, 'cli.badLang', { value: requested }));
  if (values.help || !command)
    return { exit: values.help ? 0 : 2, stdout: message(lang, 'cli.usage', { dbPath: defaultDbPath() }) };
  if (values.region !== undefined && !isCountryCode(values.region))
    return fail('shareaudit', message(lang, 'cli.badRegion', { value: values.region }));
  if (!COMMANDS.includes(command)) return fail('shareaudit', message(lang, 'cli.unknownCommand', { command }));
  if (command === 'import' && args.length === 0)
    return fail('shareaudit import', message(lang, 'cli.importNeedsFiles'));
  if (command === 'report' && !values.out) return fail('shareaudit report', message(lang, 'cli.reportNeedsOut'));
  // The format and the name must agree before anything is opened or written (electron/cli/report.ts).
  const reportTo = command === 'report' ? reportTarget(values.out!, values.format, lang) : null;
  if (reportTo && 'error' in reportTo) return fail('shareaudit report', reportTo.error);
  const region = values.region as CountryCode | undefined;
  return { command, args, values, lang, ...(region ? { region } : {}), reportTo };
}
