/**
 * The workbook feature: setting up the sheets, the workbook's settings, a client's
 * settings in Credits, and the add-on menu with how menu items report back.
 */
export {
  type AddClientResult,
  addClient,
  type ClientSettingsInput,
  type NewClientInput,
  type SaveClientSettingsResult,
  saveClientSettings,
} from './client-settings';
export { buildMenu, MENU_ITEMS, reportToUser } from './menu';
export { getSettings, saveSettings } from './settings';
export { type SetUpResult, setUpSheets } from './setup-sheets';
