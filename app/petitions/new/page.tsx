import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PageHeading } from "@/app/_components";
import { currentActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { PetitionForm } from "@/app/my/petitions/_form/petition-form";
import { loadPetitionFormOptions } from "@/app/my/petitions/_form/load-form-options";
import { createPetitionAction } from "@/app/my/petitions/actions";

export async function generateMetadata() {
  const t = await getTranslations("petitionForm");
  return { title: t("newTitle") };
}

export default async function NewPetitionPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?callbackUrl=/petitions/new");
  const [t, locale] = await Promise.all([getTranslations("petitionForm"), getLocale()]);
  const options = await loadPetitionFormOptions(locale as Locale);
  return (
    <div className="narrow">
      <PageHeading title={t("newTitle")} lead={t("newLead")} />
      <PetitionForm action={createPetitionAction} {...options} submitLabel={t("saveDraft")} />
    </div>
  );
}
