/**
 * SpreadsheetApp.getUi(): add-on and custom menus, alerts, prompts, sidebars and dialogs, all
 * recorded in emu.ui. Alerts and prompts answer with emu.ui.nextAlertResponse / nextPromptText.
 */
import { GasObject } from './instrument';
import type { Runtime } from './runtime';

export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
export const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' });

/** Title under which Ui.createAddonMenu() menus are recorded. */
export const ADDON_MENU_TITLE = 'Extensions';

interface HtmlOutputLike {
  getTitle(): string;
  getContent(): string;
}

type MenuItem = { caption: string; fn: string } | { separator: true } | { caption: string; submenu: Menu };

export class Menu extends GasObject {
  private readonly items: MenuItem[] = [];

  constructor(
    rt: Runtime,
    readonly _title: string,
  ) {
    super(rt, 'Menu');
  }

  addItem(caption: string, functionName: string): Menu {
    this.items.push({ caption: String(caption), fn: String(functionName) });
    return this;
  }

  addSeparator(): Menu {
    this.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.items.push({ caption: menu._title, submenu: menu });
    return this;
  }

  /** Flattened items; submenu items get 'Submenu > Item' captions. */
  _flatItems(): { caption: string; fn: string }[] {
    return this.items.flatMap((item) => {
      if ('fn' in item) return [item];
      if ('submenu' in item) return item.submenu._flatItems().map((i) => ({ caption: `${item.caption} > ${i.caption}`, fn: i.fn }));
      return [];
    });
  }

  /** Records the menu (replacing an earlier one with the same title, as reopening the file would). */
  addToUi(): void {
    const menus = this.rt.ui.menus;
    const record = { title: this._title, items: this._flatItems() };
    const index = menus.findIndex((m) => m.title === this._title);
    if (index >= 0) menus[index] = record;
    else menus.push(record);
  }
}

class PromptResponse extends GasObject {
  constructor(
    rt: Runtime,
    private readonly text: string,
    private readonly button: string,
  ) {
    super(rt, 'PromptResponse');
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): string {
    return this.button;
  }
}

function isButtonSet(value: unknown): boolean {
  return typeof value === 'string' && value in ButtonSet;
}

/** Splits (prompt), (prompt, buttons) and (title, prompt, buttons). */
function dialogArgs(args: unknown[]): { title?: string; prompt?: string } {
  if (args.length >= 3 || (args.length === 2 && !isButtonSet(args[1]))) return { title: String(args[0]), prompt: String(args[1]) };
  return { prompt: args[0] === undefined ? undefined : String(args[0]) };
}

export class Ui extends GasObject {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(rt: Runtime) {
    super(rt, 'Ui');
  }

  createAddonMenu(): Menu {
    return new Menu(this.rt, ADDON_MENU_TITLE);
  }

  createMenu(caption: string): Menu {
    return new Menu(this.rt, String(caption));
  }

  private response(): string {
    const answer = this.rt.ui.nextAlertResponse ?? Button.OK;
    if (!(answer in Button)) throw new Error(`emu.ui.nextAlertResponse must be one of ${Object.keys(Button).join(', ')}`);
    return answer;
  }

  alert(...args: unknown[]): string {
    this.rt.ui.alerts.push(dialogArgs(args));
    return this.response();
  }

  prompt(...args: unknown[]): PromptResponse {
    this.rt.ui.prompts.push(dialogArgs(args));
    return new PromptResponse(this.rt, this.rt.ui.nextPromptText ?? '', this.response());
  }

  showSidebar(userInterface: HtmlOutputLike): void {
    this.rt.ui.sidebars.push({ title: userInterface.getTitle(), html: userInterface.getContent() });
  }

  showModalDialog(userInterface: HtmlOutputLike, title: string): void {
    this.rt.ui.dialogs.push({ title: String(title), html: userInterface.getContent(), modal: true });
  }

  showModelessDialog(userInterface: HtmlOutputLike, title: string): void {
    this.rt.ui.dialogs.push({ title: String(title), html: userInterface.getContent(), modal: false });
  }
}
