import { z } from "zod";
import { AGENCY_LEVELS, type AgencyLevel } from "@/db/schema/agencies";
import type { PetitionSettings, ThresholdRule } from "./settings";

// The petition rules as an admin edits them. Refusal messages are keys of the "validation"
// catalog or of "admin.validation". No server imports: the form and the action share this.

/** The two ways a response threshold is set: a number of signatures or a share of the region. */
export const THRESHOLD_KINDS = ["absolute", "percentOfResidents"] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];

/** About Kazakhstan's population: a larger threshold is a typo, and it must fit the integer columns. */
export const MAX_ABSOLUTE_THRESHOLD = 20_000_000;

// An empty box is "no number", not zero (which z.coerce would make of "").
const emptyAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

function wholeNumber(min: number, max: number, rangeMessage: string) {
  // A refine, not .int(): a failed .int() stops the whole form's checks, hiding the threshold errors.
  return z.preprocess(
    emptyAsMissing,
    z.coerce.number({ message: "number" }).refine(Number.isInteger, "number").min(min, rangeMessage).max(max, rangeMessage),
  );
}

const supportThreshold = wholeNumber(1, 100_000, "settingsSupportersRange");
const workingDays = wholeNumber(1, 365, "settingsWorkingDaysRange");
const collectionMonths = wholeNumber(1, 36, "settingsCollectionMonthsRange");
const anonymizeAfterMonths = wholeNumber(1, 120, "settingsAnonymizeMonthsRange");
const rateLimit = wholeNumber(1, 1_000_000, "settingsRateLimitRange");
const absoluteThreshold = wholeNumber(1, MAX_ABSOLUTE_THRESHOLD, "settingsAbsoluteThresholdRange");
const percentThreshold = z.preprocess(
  emptyAsMissing,
  z.coerce.number({ message: "settingsPercentRange" }).min(0.01, "settingsPercentRange").max(100, "settingsPercentRange"),
);

/** One level's rule: exactly one of the two kinds (a rule carrying both would be ambiguous). */
export const thresholdRuleSchema = z.union([
  z.strictObject({ absolute: absoluteThreshold }),
  z.strictObject({ percentOfResidents: percentThreshold }),
]);

/** The whole PetitionSettings, as stored; the domain function checks every input against it. */
export const petitionSettingsSchema = z.object({
  supportThreshold,
  supportWorkingDays: workingDays,
  moderationWorkingDays: workingDays,
  collectionMonths,
  requireIin: z.boolean(),
  thresholds: z.record(z.enum(AGENCY_LEVELS), thresholdRuleSchema),
  responseWorkingDays: z.record(z.enum(AGENCY_LEVELS), workingDays),
  anonymizeAfterMonths,
  signaturesPerIpPerHour: rateLimit,
  signaturesPerEmailDomainPerMinute: rateLimit,
  petitionsPerCreatorPerDay: rateLimit,
});

/** Form field (and control id) of a level's threshold kind, number, and answer time. */
export const thresholdKindField = (level: AgencyLevel) => `thresholdKind-${level}`;
export const thresholdValueField = (level: AgencyLevel) => `threshold-${level}`;
export const responseDaysField = (level: AgencyLevel) => `responseWorkingDays-${level}`;

/** Every field of the settings form, in the order the page shows them. */
export const PETITION_SETTINGS_FORM_FIELDS: readonly string[] = [
  "supportThreshold",
  "supportWorkingDays",
  "moderationWorkingDays",
  "collectionMonths",
  ...AGENCY_LEVELS.map(responseDaysField),
  ...AGENCY_LEVELS.flatMap((level) => [thresholdKindField(level), thresholdValueField(level)]),
  "requireIin",
  "anonymizeAfterMonths",
  "signaturesPerIpPerHour",
  "signaturesPerEmailDomainPerMinute",
  "petitionsPerCreatorPerDay",
];

/** The kind of a stored rule, read with the same precedence as responseThresholdFor. */
export function thresholdKindOf(rule: ThresholdRule): ThresholdKind {
  return "absolute" in rule ? "absolute" : "percentOfResidents";
}

/** A threshold typed by a person: spaces dropped ("50 000"), a decimal comma read as a point ("2,5"). */
const typedNumber = (value: unknown) => (typeof value === "string" ? value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".") : value);

function thresholdNumber(kind: ThresholdKind, typed: unknown) {
  return (kind === "absolute" ? absoluteThreshold : percentThreshold).safeParse(typedNumber(typed));
}

const levelFields = Object.fromEntries(
  AGENCY_LEVELS.flatMap((level) => [
    [thresholdKindField(level), z.enum(THRESHOLD_KINDS, { message: "choose" })],
    [thresholdValueField(level), z.unknown()],
    [responseDaysField(level), workingDays],
  ]),
) as Record<string, z.ZodType>;

/**
 * The settings form as submitted (flat strings from FormData; the checkbox is "on" or absent),
 * turned into PetitionSettings. Each refusal is reported on the field that caused it.
 */
export const petitionSettingsFormSchema = z
  .object({
    supportThreshold,
    supportWorkingDays: workingDays,
    moderationWorkingDays: workingDays,
    collectionMonths,
    requireIin: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    anonymizeAfterMonths,
    signaturesPerIpPerHour: rateLimit,
    signaturesPerEmailDomainPerMinute: rateLimit,
    petitionsPerCreatorPerDay: rateLimit,
    ...levelFields,
  })
  .superRefine((form, context) => {
    const fields = form as Record<string, unknown>;
    // The number's range depends on the kind chosen beside it, so it is checked across the two.
    for (const level of AGENCY_LEVELS) {
      const kind = fields[thresholdKindField(level)];
      if (kind !== "absolute" && kind !== "percentOfResidents") continue; // already refused as "choose"
      const parsed = thresholdNumber(kind, fields[thresholdValueField(level)]);
      if (!parsed.success) context.addIssue({ code: "custom", path: [thresholdValueField(level)], message: parsed.error.issues[0].message });
    }
    // Run even when another field failed, so one submit reports every mistake.
  }, { when: (payload) => typeof payload.value === "object" && payload.value !== null })
  .transform((form): PetitionSettings => {
    const fields = form as Record<string, unknown>;
    const thresholds = {} as Record<AgencyLevel, ThresholdRule>;
    const responseWorkingDays = {} as Record<AgencyLevel, number>;
    for (const level of AGENCY_LEVELS) {
      responseWorkingDays[level] = fields[responseDaysField(level)] as number;
      const kind = fields[thresholdKindField(level)] as ThresholdKind;
      const value = thresholdNumber(kind, fields[thresholdValueField(level)]).data as number;
      thresholds[level] = kind === "absolute" ? { absolute: value } : { percentOfResidents: value };
    }
    return {
      supportThreshold: form.supportThreshold,
      supportWorkingDays: form.supportWorkingDays,
      moderationWorkingDays: form.moderationWorkingDays,
      collectionMonths: form.collectionMonths,
      requireIin: form.requireIin,
      thresholds,
      responseWorkingDays,
      anonymizeAfterMonths: form.anonymizeAfterMonths,
      signaturesPerIpPerHour: form.signaturesPerIpPerHour,
      signaturesPerEmailDomainPerMinute: form.signaturesPerEmailDomainPerMinute,
      petitionsPerCreatorPerDay: form.petitionsPerCreatorPerDay,
    };
  });

/** Settings as the form's initial strings; the checkbox is "on" or "". */
export function petitionSettingsToFormValues(settings: PetitionSettings): Record<string, string> {
  const values: Record<string, string> = {
    supportThreshold: String(settings.supportThreshold),
    supportWorkingDays: String(settings.supportWorkingDays),
    moderationWorkingDays: String(settings.moderationWorkingDays),
    collectionMonths: String(settings.collectionMonths),
    requireIin: settings.requireIin ? "on" : "",
    anonymizeAfterMonths: String(settings.anonymizeAfterMonths),
    signaturesPerIpPerHour: String(settings.signaturesPerIpPerHour),
    signaturesPerEmailDomainPerMinute: String(settings.signaturesPerEmailDomainPerMinute),
    petitionsPerCreatorPerDay: String(settings.petitionsPerCreatorPerDay),
  };
  for (const level of AGENCY_LEVELS) {
    const rule = settings.thresholds[level];
    const kind = thresholdKindOf(rule);
    values[thresholdKindField(level)] = kind;
    values[thresholdValueField(level)] = String("absolute" in rule ? rule.absolute : rule.percentOfResidents);
    values[responseDaysField(level)] = String(settings.responseWorkingDays[level]);
  }
  return values;
}
