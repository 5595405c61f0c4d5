import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button, Notice, PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { signatureForLink } from "@/lib/petitions/signature-for-link";

export const metadata = { robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string; error?: string }> };

/**
 * Opened from the e-mail. Opening it confirms nothing — mail scanners open links — the
 * button does, with a POST.
 */
export default async function ConfirmSignaturePage({ params, searchParams }: Props) {
  const [{ id }, { t: token = "", error }, t, te] = await Promise.all([params, searchParams, getTranslations("signing"), getTranslations("errors")]);
  const signature = await signatureForLink(getDb(), Number(id), "confirm", token);
  if (!signature) {
    return (
      <div className="narrow">
        <PageHeading title={t("confirmTitle")} />
        <Notice tone="error">{t("linkInvalid")}</Notice>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeading title={t("confirmTitle")} lead={t("confirmLead", { title: signature.petitionTitle })} />
      {error ? <Notice tone="error">{t.has(`errors.${error}` as never) ? t(`errors.${error}` as never) : te("internal")}</Notice> : null}
      {signature.state === "confirmed" ? (
        <Notice tone="success">{t("alreadyConfirmed")}</Notice>
      ) : (
        <form method="post" action={`/api/v1/signatures/${id}/confirm`}>
          <input type="hidden" name="t" value={token} />
          <Button type="submit" size="lg">
            {t("confirmButton")}
          </Button>
        </form>
      )}
      <p className="mt-6">
        <Link href={`/petitions/${signature.petitionNumber}`}>{t("backToPetition")}</Link>
      </p>
    </div>
  );
}
