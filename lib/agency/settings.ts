import type { Executor } from "@/db/client";
import { readSettings } from "@/lib/settings/read-settings";

/** The agency dashboard's policy numbers, stored as data (settings key "agencyDashboard"). */
export interface AgencyDashboardSettings {
  /** The assignee and supervisors are alerted this many working days before a due day. */
  alertWorkingDaysBefore: number;
  /** Inbox rows per page. */
  inboxPageSize: number;
  /** Most rows one CSV export holds. */
  csvMaxRows: number;
}

export const AGENCY_DASHBOARD_SETTINGS_KEY = "agencyDashboard";

export const AGENCY_DASHBOARD_SETTING_DEFAULTS: AgencyDashboardSettings = {
  alertWorkingDaysBefore: 3,
  inboxPageSize: 50,
  csvMaxRows: 10_000,
};

export function readAgencyDashboardSettings(db: Executor): Promise<AgencyDashboardSettings> {
  return readSettings(db, AGENCY_DASHBOARD_SETTINGS_KEY, AGENCY_DASHBOARD_SETTING_DEFAULTS);
}
