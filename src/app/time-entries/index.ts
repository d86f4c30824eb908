/**
 * The time-entries feature: logging time from the sidebar's form and the per-user
 * start/stop timer. Open to everyone who can edit the workbook.
 */
export {
  getTimer,
  type LoggedEntry,
  type LogTimeResult,
  type StopOptions,
  type TimerConfirmation,
  logTime,
  startTimer,
  stopTimer,
  type TimeEntryInput,
  type TimerResult,
  type TimerView,
} from './track-time';
