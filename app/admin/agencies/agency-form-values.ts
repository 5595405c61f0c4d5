import type { Agency } from "@/db/schema";
import { agencyFormSchema } from "@/lib/agencies/schema";
import { formValues } from "../form-state";

const TEXT_FIELDS = ["slug", "nameKk", "nameRu", "nameEn", "level", "regionCode", "website"] as const;

/** An agency as the form's initial strings; the checkbox is "on" or "". */
export function agencyToFormValues(agency: Agency): Record<string, string> {
  return {
    slug: agency.slug,
    nameKk: agency.nameKk,
    nameRu: agency.nameRu,
    nameEn: agency.nameEn,
    level: agency.level,
    regionCode: agency.regionCode ?? "",
    website: agency.website ?? "",
    requiresApproval: agency.requiresApproval ? "on" : "",
  };
}

/** The submitted agency form: the strings to show again, and the parse of agencyFormSchema. */
export function readAgencyForm(formData: FormData) {
  const values = { ...formValues(formData, TEXT_FIELDS), requiresApproval: formData.get("requiresApproval") === "on" ? "on" : "" };
  return { values, parsed: agencyFormSchema.safeParse(values) };
}
