/** Handlers of the history (trend, reminder, the dashboard's charts) and of the report's files. */
import { AppError } from '../errors';
import { dashboardCharts, historyTrend, reminder } from '../history-service';
import type { HandlerPart, ServiceContext } from './types';

export type HistoryChannel =
  'history:trend' | 'history:reminder' | 'audit:charts' | 'report:build' | 'report:prepare' | 'report:save';

export function historyHandlers(ctx: ServiceContext): HandlerPart<HistoryChannel> {
  return {
    'history:trend': () => Promise.resolve(historyTrend(ctx.db())),
    'history:reminder': () => Promise.resolve(reminder(ctx.db(), ctx.audits().cache, ctx.now())),
    'audit:charts': () => Promise.resolve(dashboardCharts(ctx.db(), ctx.audits().cache)),
    'report:build': async ({ lang, format }) => {
      const file = await ctx.reportFile(lang, format);
      const text = format === 'html' || format === 'json';
      return {
        fileName: file.fileName,
        mime: file.mime,
        encoding: text ? 'utf8' : 'base64',
        data: text ? new TextDecoder().decode(file.data) : Buffer.from(file.data).toString('base64'),
      };
    },
    'report:prepare': async ({ lang, format }) => {
      await ctx.prepareReport(lang, format);
      return { ready: true as const };
    },
    'report:save': async ({ lang, format }) => {
      if (!ctx.platform.saveReport) throw new AppError('UNSUPPORTED', 'error.UNSUPPORTED', { what: 'save' });
      const file = await ctx.reportFile(lang, format);
      return { path: await ctx.platform.saveReport(file.fileName, file.data, format) };
    },
  };
}
