import { getTranslations } from "next-intl/server";
import { ButtonLink, PageHeading } from "@/app/_components";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="narrow">
      <PageHeading title={t("notFoundTitle")} lead={t("notFoundLead")} />
      <ButtonLink href="/">{t("nav.home")}</ButtonLink>
    </div>
  );
}
