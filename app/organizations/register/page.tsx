import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PageHeading } from "@/app/_components";
import { currentActor } from "@/lib/auth/current-actor";
import { RegisterOrganizationForm } from "./register-form";

export async function generateMetadata() {
  const t = await getTranslations("organizations");
  return { title: t("register.title") };
}

export default async function RegisterOrganizationPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?callbackUrl=/organizations/register");
  const t = await getTranslations("organizations");
  return (
    <div className="narrow">
      <PageHeading
        title={t("register.title")}
        lead={t("register.lead")}
        breadcrumbs={[{ href: "/organizations", label: t("directory.title") }, { label: t("register.title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <RegisterOrganizationForm />
    </div>
  );
}
