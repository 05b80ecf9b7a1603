/**
 * Messages of the plan domain (ICU MessageFormat), merged into the one catalogue in ../en.ts and ../de.ts.
 * Keys start with "plan." so each domain owns its own names; the German entries must match the English keys.
 */
export const planEn = {
  'plan.step.narrow-email-audience.first-degree':
    'Narrow "Who can see your email address" from "Everyone" to "1st-degree connections"',
  'plan.step.narrow-email-audience.only-you': 'Narrow "Who can see your email address" to "Only visible to me"',
  'plan.step.narrow-phone-audience.first-degree': 'Show your phone number to 1st-degree connections only, not everyone',
  'plan.step.narrow-phone-audience.only-you':
    'Remove your phone number from "Contact info" (or hide it from connections)',
  'plan.step.narrow-birthday-audience.first-degree': 'Show your birthday to "Your connections" only, not everyone',
  'plan.step.narrow-birthday-audience.only-you': 'Show your birthday to "Only you"',
  'plan.step.narrow-xing-category.business':
    'On XING, set who sees your business contact details to "My contacts" or "Nobody"',
  'plan.step.narrow-xing-category.private': 'On XING, set who sees your private contact details to "Nobody"',
  'plan.step.narrow-xing-category.birthday': 'On XING, set who sees your birthday to "Nobody"',
  'plan.title': 'Your plan',
  'plan.nav': 'Plan',
  'plan.intro':
    'The fewest steps on the platforms that clear your open findings. Nothing changes until you do them there; "Done" records a step as applied, and a later export proves it.',
  'plan.variant.fewest': 'Fewest steps',
  'plan.variant.keep-known': 'Keep the people I know',
  'plan.variant.emergency': 'Emergency reset',
  'plan.variantHint.fewest': 'The least work, whoever loses access — people you know who lose it are named.',
  'plan.variantHint.keep-known': 'Never takes a detail from someone you know (as your policy defines "known").',
  'plan.variantHint.emergency':
    'Stops every private detail from reaching anyone but people you know — the quickest way, now.',
  'plan.steps': '{n, plural, =0 {No steps} one {# step} other {# steps}}',
  'plan.clears': '{n, plural, =0 {clears nothing new} one {clears # finding} other {clears # findings}}',
  'plan.stops': '{n, plural, one {ends # share} other {ends # shares}}',
  'plan.scoreAfter': 'score after: {score, number}',
  'plan.scoreLine':
    'Score now {now, number} · with what you already planned {before, number} · after this plan {after, number}',
  'plan.collateral':
    '{n, plural, =0 {Nobody you know loses access.} one {# person you know loses access too:} other {# people you know lose access too:}}',
  'plan.collateralMore': '{n, plural, one {and # more} other {and # more}}',
  'plan.left':
    '{n, plural, =0 {} one {# finding stays open: only a step against someone you know would clear it.} other {# findings stay open: only a step against someone you know would clear them.}}',
  'plan.none': 'Nothing to do: no open finding that a plan could clear.',
  'plan.setting': 'Setting on {network}',
  'plan.start': 'Go through it step by step',
  'plan.stepOf': 'Step {n, number} of {total, number}',
  'plan.openPage': 'Open the page on {network}',
  'plan.done': 'Done',
  'plan.doneOn': 'Done on',
  'plan.skip': 'Skip',
  'plan.end': 'End the session',
  'plan.finished':
    'You went through every step: {done, plural, one {# done} other {# done}}, {skipped, plural, one {# skipped} other {# skipped}}.',
  'plan.finishedHint':
    'Each step you did is recorded as applied. Import a new export in a few days: ShareAudit verifies what an export can show; settings you confirm by declaring them under Sharing.',
  'plan.progress': '{done, number} done · {skipped, number} skipped · {open, number} to go',
  'plan.stepDone': 'Marked as done on {date}.',
  'plan.stepSkipped': 'Skipped.',
  'plan.compare': 'Compare the plans',
  'plan.emergencyTitle': 'Emergency reset',
  'plan.emergencyText':
    'Someone you do not know should not have your private details? Stop them reaching anyone but the people you know, now: {n, plural, one {# step} other {# steps}}.',
  'plan.emergencyStart': 'Start the emergency reset',
  'plan.sessionStale': 'This step no longer clears anything (the audit changed since the session began).',
  'plan.cliHeader':
    '{variant}: {steps, plural, one {# step} other {# steps}}, clears {cleared, number} of {open, number} open findings, score {before, number} → {after, number}',
  'plan.cliStep':
    '{n, number}. {instruction}{kind, select, setting {} other { — {who}}} ({clears}; score after {score, number})',
  'plan.cliUrl': '   {url}',
  'plan.cliCollateral': '   people you know who lose access: {names}',
  'plan.cliMore': '… and {n, number} more steps (--json lists them all)',
  'plan.badVariant': '--variant must be fewest, keep-known or emergency, not "{value}"',
  'plan.noSession': 'No guided session is open.',
  'plan.badStep': 'There is no step {n} in this session.',
  'plan.appliedSetting': 'done on the platform — confirm it by declaring the setting under Sharing',
  'plan.badDay': '"{value}" is not a day that has been (YYYY-MM-DD, today at the latest)',
} as const;

export const planDe: Record<keyof typeof planEn, string> = {
  'plan.step.narrow-email-audience.first-degree':
    '„Wer kann Ihre E-Mail-Adresse sehen“ von „Alle“ auf „Kontakte 1. Grades“ stellen',
  'plan.step.narrow-email-audience.only-you':
    '„Wer kann Ihre E-Mail-Adresse sehen“ auf „Nur für mich sichtbar“ stellen',
  'plan.step.narrow-phone-audience.first-degree': 'Telefonnummer nur Kontakten 1. Grades zeigen, nicht allen',
  'plan.step.narrow-phone-audience.only-you':
    'Telefonnummer aus den „Kontaktinfos“ entfernen (oder für Kontakte verbergen)',
  'plan.step.narrow-birthday-audience.first-degree': 'Geburtstag nur „Ihren Kontakten“ zeigen, nicht allen',
  'plan.step.narrow-birthday-audience.only-you': 'Geburtstag auf „Nur Sie“ stellen',
  'plan.step.narrow-xing-category.business':
    'Auf XING festlegen, dass Ihre geschäftlichen Kontaktdaten nur „Meine Kontakte“ oder „Niemand“ sehen',
  'plan.step.narrow-xing-category.private': 'Auf XING festlegen, dass Ihre privaten Kontaktdaten „Niemand“ sieht',
  'plan.step.narrow-xing-category.birthday': 'Auf XING festlegen, dass Ihren Geburtstag „Niemand“ sieht',
  'plan.title': 'Ihr Plan',
  'plan.nav': 'Plan',
  'plan.intro':
    'Die wenigsten Schritte auf den Plattformen, die Ihre offenen Befunde beheben. Nichts ändert sich, bis Sie sie dort ausführen; „Erledigt“ vermerkt einen Schritt als umgesetzt, ein späterer Export belegt ihn.',
  'plan.variant.fewest': 'Wenigste Schritte',
  'plan.variant.keep-known': 'Bekannte behalten',
  'plan.variant.emergency': 'Notfall-Reset',
  'plan.variantHint.fewest':
    'Am wenigsten Aufwand, gleich wer den Zugriff verliert – Bekannte, die ihn verlieren, werden genannt.',
  'plan.variantHint.keep-known':
    'Nimmt niemandem, den Sie kennen, eine Angabe weg (was „bekannt“ heißt, legt Ihre Richtlinie fest).',
  'plan.variantHint.emergency':
    'Sorgt dafür, dass Ihre privaten Angaben niemanden außer Ihren Bekannten mehr erreichen – auf dem schnellsten Weg, jetzt.',
  'plan.steps': '{n, plural, =0 {Keine Schritte} one {# Schritt} other {# Schritte}}',
  'plan.clears': '{n, plural, =0 {behebt nichts Neues} one {behebt # Befund} other {behebt # Befunde}}',
  'plan.stops': '{n, plural, one {beendet # Freigabe} other {beendet # Freigaben}}',
  'plan.scoreAfter': 'Exposure-Score danach: {score, number}',
  'plan.scoreLine':
    'Exposure-Score jetzt {now, number} · mit dem bereits Geplanten {before, number} · nach diesem Plan {after, number}',
  'plan.collateral':
    '{n, plural, =0 {Niemand, den Sie kennen, verliert den Zugriff.} one {# Person, die Sie kennen, verliert den Zugriff ebenfalls:} other {# Personen, die Sie kennen, verlieren den Zugriff ebenfalls:}}',
  'plan.collateralMore': '{n, plural, one {und # weitere} other {und # weitere}}',
  'plan.left':
    '{n, plural, =0 {} one {# Befund bleibt offen: Nur ein Schritt gegen jemanden, den Sie kennen, würde ihn beheben.} other {# Befunde bleiben offen: Nur ein Schritt gegen jemanden, den Sie kennen, würde sie beheben.}}',
  'plan.none': 'Nichts zu tun: kein offener Befund, den ein Plan beheben könnte.',
  'plan.setting': 'Einstellung auf {network}',
  'plan.start': 'Schritt für Schritt durchgehen',
  'plan.stepOf': 'Schritt {n, number} von {total, number}',
  'plan.openPage': 'Seite auf {network} öffnen',
  'plan.done': 'Erledigt',
  'plan.doneOn': 'Erledigt am',
  'plan.skip': 'Überspringen',
  'plan.end': 'Sitzung beenden',
  'plan.finished':
    'Sie sind alle Schritte durchgegangen: {done, plural, one {# erledigt} other {# erledigt}}, {skipped, plural, one {# übersprungen} other {# übersprungen}}.',
  'plan.finishedHint':
    'Jeder erledigte Schritt ist als umgesetzt vermerkt. Importieren Sie in ein paar Tagen einen neuen Export: ShareAudit belegt, was ein Export zeigen kann; Einstellungen bestätigen Sie, indem Sie sie unter „Freigaben“ angeben.',
  'plan.progress': '{done, number} erledigt · {skipped, number} übersprungen · {open, number} offen',
  'plan.stepDone': 'Als erledigt vermerkt am {date}.',
  'plan.stepSkipped': 'Übersprungen.',
  'plan.compare': 'Pläne vergleichen',
  'plan.emergencyTitle': 'Notfall-Reset',
  'plan.emergencyText':
    'Jemand, den Sie nicht kennen, soll Ihre privaten Angaben nicht haben? Sorgen Sie jetzt dafür, dass sie niemanden außer Ihren Bekannten erreichen: {n, plural, one {# Schritt} other {# Schritte}}.',
  'plan.emergencyStart': 'Notfall-Reset beginnen',
  'plan.sessionStale': 'Dieser Schritt behebt nichts mehr (das Audit hat sich seit Beginn der Sitzung geändert).',
  'plan.cliHeader':
    '{variant}: {steps, plural, one {# Schritt} other {# Schritte}}, behebt {cleared, number} von {open, number} offenen Befunden, Exposure-Score {before, number} → {after, number}',
  'plan.cliStep':
    '{n, number}. {instruction}{kind, select, setting {} other { – {who}}} ({clears}; Exposure-Score danach {score, number})',
  'plan.cliUrl': '   {url}',
  'plan.cliCollateral': '   Bekannte, die den Zugriff verlieren: {names}',
  'plan.cliMore': '… und {n, number} weitere Schritte (--json listet alle)',
  'plan.badVariant': '--variant muss fewest, keep-known oder emergency sein, nicht „{value}“',
  'plan.noSession': 'Es ist keine geführte Sitzung offen.',
  'plan.badStep': 'Diese Sitzung hat keinen Schritt {n}.',
  'plan.badDay': '„{value}“ ist kein vergangener Tag (JJJJ-MM-TT, spätestens heute)',
  'plan.appliedSetting':
    'auf der Plattform erledigt – bestätigen Sie es, indem Sie die Einstellung unter „Freigaben“ angeben',
};
