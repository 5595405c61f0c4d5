import { getTranslations } from "next-intl/server";
import { Notice, PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { AGENCY_LEVELS } from "@/db/schema";
import { petitionSettingsToFormValues } from "@/lib/petitions/settings-schema";
import { readPetitionSettings } from "@/lib/petitions/settings";
import { requireAdminPage } from "../require-admin";
import { PetitionSettingsForm } from "./petition-settings-form";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("settings.title") };
}

export default async function AdminPetitionSettingsPage() {
  await requireAdminPage();
  const [t, ta, settings] = await Promise.all([getTranslations("admin"), getTranslations("agencies"), readPetitionSettings(getDb())]);
  const levels = AGENCY_LEVELS.map((level) => ({ value: level, label: ta(`levels.${level}`) }));
  return (
    <>
      <PageHeading
        title={t("settings.title")}
        lead={t("settings.lead")}
        breadcrumbs={[{ href: "/admin", label: t("title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <Notice tone="warning" title={t("settings.appliesTitle")} announce={false} className="mt-6 max-w-3xl">
        {t("settings.appliesText")}
      </Notice>
      <PetitionSettingsForm initial={petitionSettingsToFormValues(settings)} levels={levels} />
    </>
  );
}
