import type { Rule } from './types';

/** LinkedIn's "Allow your connections to download your email": every connection's export carries it. */
export const emailDownloadAllowed: Rule = {
  meta: {
    id: 'email-download-allowed',
    defaultSeverity: 'high',
    title: { en: 'Connections may download your email', de: 'Kontakte dürfen Ihre E-Mail-Adresse herunterladen' },
    rationale: {
      en: 'With this switch on, your email address is in the Connections.csv of every connection who requests a data export — a ready-made list for any tool.',
      de: 'Ist dieser Schalter an, steht Ihre E-Mail-Adresse in der Connections.csv jedes Kontakts, der seine Daten exportiert — eine fertige Liste für jedes Tool.',
    },
    messages: {
      download: {
        en: '{count, plural, one {Your # LinkedIn connection may download your email address with their data export.} other {All # LinkedIn connections may download your email address with their data export.}}',
        de: '{count, plural, one {Ihr # LinkedIn-Kontakt darf Ihre E-Mail-Adresse mit seinem Datenexport herunterladen.} other {Alle # LinkedIn-Kontakte dürfen Ihre E-Mail-Adresse mit ihrem Datenexport herunterladen.}}',
      },
    },
  },
  check(ctx) {
    const setting = ctx.sharing.linkedin.allowEmailDownload;
    if (!setting.value) return [];
    const count = [...ctx.contacts.values()].filter((c) => c.network === 'linkedin').length;
    return [
      {
        messageId: 'download',
        data: { count },
        contactId: null,
        field: null,
        network: 'linkedin',
        evidence: [
          {
            kind: setting.declared ? 'declared-setting' : 'assumed-setting',
            data: { network: 'linkedin', audience: 'connections-download' },
          },
        ],
        actions: ['switch-off-email-download'],
        assumed: !setting.declared,
      },
    ];
  },
};
