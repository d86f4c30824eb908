/**
 * The client-log feature: each client's own prepaid log spreadsheet. Export, share and
 * unshare (authorizers), the menu's export prompt, and the refresh that follows every
 * ledger change and the hourly run.
 */
export {
  type ClientLogRefresh,
  type ClientLogResult,
  type ClientLogSharing,
  describeRefresh,
  type ExportOptions,
  exportPrepaidLog,
  refreshAllClientLogs,
  refreshClientLogs,
  shareClientLog,
  unshareClientLog,
} from './client-log';
export { exportPrepaidLogFromMenu } from './client-log-menu';
