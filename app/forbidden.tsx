import { getTranslations } from "next-intl/server";
import { ButtonLink, PageHeading } from "@/app/_components";

/** Rendered with HTTP 403 when a page calls forbidden(). */
export default async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <div className="narrow">
      <PageHeading title={t("forbiddenTitle")} lead={t("forbiddenLead")} />
      <ButtonLink href="/">{t("nav.home")}</ButtonLink>
    </div>
  );
}
