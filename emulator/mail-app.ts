/**
 * MailApp: sent mail is recorded in emu.mail (attachments as unsigned bytes) and counts against a
 * daily quota (emu.mailQuota, default 100), as Apps Script's would.
 */
import type { Blob } from './blob';
import { GasObject } from './instrument';
import type { SentMail } from './records';
import type { Runtime } from './runtime';

export const MAIL_QUOTA_ERROR = 'Service invoked too many times for one day: email.';

interface MailOptions {
  to?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  attachments?: unknown[];
}

function attachment(source: unknown): SentMail['attachments'][number] {
  const candidate = source as { getBlob?: () => Blob } | null;
  if (!candidate || typeof candidate.getBlob !== 'function') throw new Error('Invalid argument: attachments');
  const blob = candidate.getBlob();
  return { name: blob._name ?? 'attachment', contentType: blob._contentType ?? 'application/octet-stream', bytes: Array.from(blob._bytes) };
}

export class MailApp extends GasObject {
  constructor(rt: Runtime) {
    super(rt, 'MailApp', new Set(['sendEmail']));
  }

  /** sendEmail(recipient, subject, body, options?) or sendEmail(message). */
  sendEmail(recipientOrMessage: string | MailOptions, subject?: string, body?: string, options: MailOptions = {}): void {
    const message: MailOptions = typeof recipientOrMessage === 'string' ? { ...options, to: recipientOrMessage, subject, body } : { ...recipientOrMessage };
    if (!message.to) throw new Error('Invalid argument: recipient');
    if (this.rt.mailQuota <= 0) throw new Error(MAIL_QUOTA_ERROR);
    const mail: SentMail = {
      to: String(message.to),
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      attachments: (message.attachments ?? []).map(attachment),
    };
    for (const key of ['htmlBody', 'cc', 'bcc', 'replyTo', 'name'] as const) if (message[key] !== undefined) mail[key] = String(message[key]);
    this.rt.mailQuota -= 1;
    this.rt.mail.push(mail);
  }

  getRemainingDailyQuota(): number {
    return this.rt.mailQuota;
  }
}
