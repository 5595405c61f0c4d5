import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components";
import { requireAdminPage } from "./require-admin";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

const SECTIONS = ["agencies", "users", "calendar", "settings"] as const;

export default async function AdminPage() {
  await requireAdminPage();
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section} className="border-2 border-line p-4 sm:p-5">
            <h2 className="text-xl font-bold">
              <Link href={`/admin/${section}`}>{t(`index.${section}.title`)}</Link>
            </h2>
            <p className="mt-2 text-muted">{t(`index.${section}.description`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
