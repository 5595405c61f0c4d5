import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components";
import { requireAdminPage } from "../../require-admin";
import { AgencyForm } from "../agency-form";
import { agencyFormOptions } from "../agency-form-options";
import { createAgencyAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("agencies.newTitle") };
}

export default async function NewAgencyPage() {
  await requireAdminPage();
  const [t, options] = await Promise.all([getTranslations("admin"), agencyFormOptions()]);
  return (
    <>
      <PageHeading
        title={t("agencies.newTitle")}
        lead={t("agencies.newLead")}
        breadcrumbs={[
          { href: "/admin", label: t("title") },
          { href: "/admin/agencies", label: t("agencies.title") },
        ]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <div className="mt-8">
        <AgencyForm
          action={createAgencyAction}
          initial={{ slug: "", nameKk: "", nameRu: "", nameEn: "", level: "", regionCode: "", website: "", requiresApproval: "on" }}
          {...options}
          submitLabel={t("agencies.create")}
        />
      </div>
    </>
  );
}
