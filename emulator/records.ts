/**
 * What the emulated user interface and mail service recorded, for tests to inspect
 * (exposed as emu.ui and emu.mail).
 */

export interface UiRecords {
  toasts: { message: string; title?: string }[];
  alerts: { title?: string; prompt?: string }[];
  /** Ui.prompt() calls (also answered from nextPromptText / nextAlertResponse). */
  prompts: { title?: string; prompt?: string }[];
  menus: { title: string; items: { caption: string; fn: string }[] }[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  /** Button the next alert/prompt returns: 'OK' | 'YES' | 'NO' | 'CANCEL' | 'CLOSE' (default 'OK'). */
  nextAlertResponse?: string;
  /** Text the next prompt returns (default ''). */
  nextPromptText?: string;
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  /** Attachment bytes are unsigned (0..255) so Buffer.from(bytes) gives the content back. */
  attachments: { name: string; contentType: string; bytes: number[] }[];
}

export function newUiRecords(): UiRecords {
  return { toasts: [], alerts: [], prompts: [], menus: [], sidebars: [], dialogs: [] };
}
