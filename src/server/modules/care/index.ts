// The care engine (issue 6): generation of each guide's tasks from the rules of domain/care, the daily
// and escalation jobs, task lists, care settings. What other modules (the task API and screens, the
// CLI, the demo) may call.
export {
  generateCareTasks,
  generateForStore,
  zeroRuleCounts,
  type GenerateOptions,
  type GenerateResult,
  type GenerateSource,
  type RuleCounts,
  type StagingMethod,
  type StoreRunResult,
} from './generate';
export {
  getTask,
  listTasks,
  reasonText,
  tasksDueOn,
  type CareTaskItem,
  type ListTasksQuery,
  type TaskReason,
  type TaskScope,
  type TaskView,
  type Viewer,
} from './tasks.service';
export {
  activeSinceFor,
  firstRunDate,
  getCareSettings,
  getRuleActivity,
  organisationToday,
  setRuleEnabled,
  updateCareSettings,
  type CareSettingsView,
  type RuleActivity,
} from './settings.service';
export { loadStores, storeManagers, type StoreRow } from './run-context';
export { escalateOverdueTasks, type EscalationResult } from './escalation';
export { careDailyJob, careEscalationJob, runDailyCare, runEscalation, DAILY_START_MINUTES } from './care.job';
