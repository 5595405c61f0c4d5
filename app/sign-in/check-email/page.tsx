import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeading } from "@/app/_components";
import { mailboxEnabled } from "@/lib/config";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("checkEmailTitle") };
}

export default async function CheckEmailPage() {
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <PageHeading title={t("checkEmailTitle")} lead={t("checkEmailLead")} />
      {mailboxEnabled() ? (
        <p>
          <Link href="/dev/mailbox">{t("openMailbox")}</Link>
        </p>
      ) : null}
    </div>
  );
}
