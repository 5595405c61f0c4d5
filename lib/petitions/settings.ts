import type { AgencyLevel } from "@/db/schema/agencies";
import type { Executor } from "@/db/client";
import { readSettings } from "@/lib/settings/read-settings";

/** How many signatures oblige an addressee of a level to answer. */
export type ThresholdRule = { absolute: number } | { percentOfResidents: number };

/** Every petition number that is law or policy, with its default (reference/kazakhstan-rules.md). */
export interface PetitionSettings {
  /** Supporters needed before moderation, and the working days to gather them. */
  supportThreshold: number;
  supportWorkingDays: number;
  /** Working days a moderator has to decide. */
  moderationWorkingDays: number;
  /** How long an open petition collects signatures (months; unconfirmed in law). */
  collectionMonths: number;
  /** Whether signers must give their IIN (checked, stored only as a keyed hash). */
  requireIin: boolean;
  thresholds: Record<AgencyLevel, ThresholdRule>;
  /** Working days the addressee has to answer once the threshold is reached. */
  responseWorkingDays: Record<AgencyLevel, number>;
  /** Months after closing when signers' personal data is anonymized. */
  anonymizeAfterMonths: number;
  /** Signing limits; the bench shows these hold at thousands of requests per second. */
  signaturesPerIpPerHour: number;
  signaturesPerEmailDomainPerMinute: number;
  petitionsPerCreatorPerDay: number;
}

export const PETITION_SETTINGS_KEY = "petitions";

export const PETITION_SETTING_DEFAULTS: PetitionSettings = {
  supportThreshold: 50,
  supportWorkingDays: 10,
  moderationWorkingDays: 20,
  collectionMonths: 6,
  requireIin: false,
  thresholds: {
    national_body: { absolute: 50_000 },
    city_akimat: { absolute: 2_500 },
    city_maslikhat: { absolute: 5_000 },
    regional_akimat: { percentOfResidents: 1 },
    regional_maslikhat: { percentOfResidents: 2 },
    // Not set by the rules we have: Birge's defaults, for an admin to confirm.
    local_body: { absolute: 1_000 },
    quasi_public: { absolute: 10_000 },
  },
  responseWorkingDays: {
    national_body: 40,
    quasi_public: 40,
    regional_akimat: 20,
    regional_maslikhat: 20,
    city_akimat: 20,
    city_maslikhat: 20,
    local_body: 20,
  },
  anonymizeAfterMonths: 6,
  signaturesPerIpPerHour: 50,
  signaturesPerEmailDomainPerMinute: 600,
  petitionsPerCreatorPerDay: 5,
};

export function readPetitionSettings(db: Executor): Promise<PetitionSettings> {
  return readSettings(db, PETITION_SETTINGS_KEY, PETITION_SETTING_DEFAULTS);
}

/**
 * The response threshold for an addressee: an absolute number, or a percentage of the
 * residents of the addressee's region (rounded up; a regional rule without a region falls
 * back to the national threshold).
 */
export function responseThresholdFor(
  settings: PetitionSettings,
  level: AgencyLevel,
  regionResidents: number | null,
): number {
  const rule = settings.thresholds[level];
  if ("absolute" in rule) return rule.absolute;
  if (regionResidents === null) return thresholdAbsolute(settings.thresholds.national_body);
  return Math.max(1, Math.ceil((regionResidents * rule.percentOfResidents) / 100));
}

function thresholdAbsolute(rule: ThresholdRule): number {
  return "absolute" in rule ? rule.absolute : 50_000;
}
