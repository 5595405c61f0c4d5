import type { Executor } from "@/db/client";
import { readSettings } from "@/lib/settings/read-settings";

/** Every public-control number that is law or policy (reference/kazakhstan-rules.md, Law "On Public Control" art. 13). */
export interface PublicControlSettings {
  /** Working days after completion to send the final document (art. 13: 7). */
  finalDocumentWorkingDays: number;
  /** Working days the object has to answer every recommendation (art. 13: 10). */
  answerWorkingDays: number;
  /** Minimum notice, in working days, of the object's hearing on the final document (art. 13: 3). */
  hearingNoticeWorkingDays: number;
  /** Working days the object has to answer an information request (unconfirmed in law: 15, configurable). */
  informationRequestWorkingDays: number;
  /** The subject is reminded when the final document is due within this many working days. */
  reminderWorkingDaysBefore: number;
  /** Days an organization invitation link stays valid. */
  invitationValidDays: number;
}

export const PUBLIC_CONTROL_SETTINGS_KEY = "publicControl";

export const PUBLIC_CONTROL_SETTING_DEFAULTS: PublicControlSettings = {
  finalDocumentWorkingDays: 7,
  answerWorkingDays: 10,
  hearingNoticeWorkingDays: 3,
  informationRequestWorkingDays: 15,
  reminderWorkingDaysBefore: 2,
  invitationValidDays: 14,
};

export function readPublicControlSettings(db: Executor): Promise<PublicControlSettings> {
  return readSettings(db, PUBLIC_CONTROL_SETTINGS_KEY, PUBLIC_CONTROL_SETTING_DEFAULTS);
}
