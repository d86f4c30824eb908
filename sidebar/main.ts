/**
 * The sidebar's entry point: tabs (arrow keys move between them, as in a tab list),
 * the "signed in as" line, the ledger notices, the four panels (the Settings panel with its
 * invoicing, ledger check and archive sections), and the first load.
 */
import { initArchiveSection } from './archive-section';
import { initAuthorizePanel } from './authorize-panel';
import { initCreditsPanel } from './credits-panel';
import { byId } from './dom';
import { say } from './feedback';
import { initInvoicingSection } from './invoicing-section';
import { initLedgerCheck } from './ledger-check';
import { initLedgerNotice } from './ledger-notice';
import { initSettingsPanel } from './settings-panel';
import { onData, reload } from './state';
import { initTrackPanel } from './track-panel';

function selectTab(tab: HTMLButtonElement, focus: boolean): void {
  for (const other of document.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    byId(other.getAttribute('aria-controls') as string).hidden = !selected;
  }
  if (focus) tab.focus();
}

function initTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab, false));
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: tabs.length - 1 - i }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      selectTab(tabs[(i + step + tabs.length) % tabs.length], true);
    });
  });
}

function start(): void {
  initTabs();
  initAuthorizePanel();
  initCreditsPanel();
  initTrackPanel();
  initSettingsPanel();
  initInvoicingSection();
  initLedgerCheck();
  initArchiveSection();
  initLedgerNotice();
  onData((d) => {
    byId('whoami').textContent = `Signed in as ${d.user || 'an unknown user'} · ${d.canAuthorize ? 'authorizer' : 'can log time'}`;
    say(byId('load-message'), 'error', '');
  });
  reload({}).catch((error: Error) => say(byId('load-message'), 'error', `The sidebar could not load the workbook: ${error.message}`));
}

start();
