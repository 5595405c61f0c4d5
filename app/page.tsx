import { getTranslations } from "next-intl/server";
import { ButtonLink, PageHeading, Section } from "@/app/_components";

export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <div className="card-grid">
        <Section title={t("petitionsTitle")}>
          <p>{t("petitionsText")}</p>
        </Section>
        <Section title={t("controlTitle")}>
          <p>{t("controlText")}</p>
        </Section>
        <Section title={t("agenciesTitle")}>
          <p>{t("agenciesText")}</p>
          <ButtonLink href="/agencies" variant="secondary">
            {t("agenciesLink")}
          </ButtonLink>
        </Section>
      </div>
    </>
  );
}
