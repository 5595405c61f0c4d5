import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { petitionByNumber } from "@/lib/petitions/load-petition";
import { PetitionForm } from "../../_form/petition-form";
import { loadPetitionFormOptions } from "../../_form/load-form-options";
import { updatePetitionAction } from "../../actions";

export default async function EditPetitionPage({ params }: { params: Promise<{ number: string }> }) {
  const [{ number }, actor] = await Promise.all([params, currentActor()]);
  if (!actor) redirect(`/sign-in?callbackUrl=/my/petitions/${number}/edit`);
  const petition = await petitionByNumber(getDb(), Number(number));
  if (!petition || petition.creatorId !== actor.id) notFound();
  if (petition.state !== "draft") redirect(`/my/petitions/${petition.number}`);
  const [t, locale] = await Promise.all([getTranslations("petitionForm"), getLocale()]);
  const options = await loadPetitionFormOptions(locale as Locale);
  return (
    <div className="narrow">
      <PageHeading title={t("editTitle")} breadcrumbs={[{ href: `/my/petitions/${petition.number}`, label: petition.title }]} breadcrumbsLabel={t("breadcrumbs")} />
      <PetitionForm
        action={updatePetitionAction.bind(null, petition.number)}
        {...options}
        initial={{ title: petition.title, request: petition.request, reasons: petition.reasons, agencyId: petition.agencyId, regionCode: petition.regionCode ?? "" }}
        submitLabel={t("saveChanges")}
      />
    </div>
  );
}
