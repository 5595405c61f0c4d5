import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button, Notice, PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { confirmRefusal } from "@/lib/petitions/confirm-refusal";
import { signatureForLink } from "@/lib/petitions/signature-for-link";

export const metadata = { robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string; error?: string }> };

/**
 * Opened from the e-mail. Opening it confirms nothing — mail scanners open links — the
 * button does, with a POST. A link that cannot count says why (withdrawn, invalidated, the
 * petition closed or removed) rather than calling a genuine link invalid.
 */
export default async function ConfirmSignaturePage({ params, searchParams }: Props) {
  const [{ id }, { t: token = "", error }, t, tf, te] = await Promise.all([
    params,
    searchParams,
    getTranslations("signing"),
    getTranslations("signingFlow"),
    getTranslations("errors"),
  ]);
  const signature = await signatureForLink(getDb(), Number(id), "confirm", token);
  if (!signature) {
    return (
      <div className="narrow">
        <PageHeading title={t("confirmTitle")} />
        <Notice tone="error">{t("linkInvalid")}</Notice>
      </div>
    );
  }
  // The state as it is now says more than the code the refused press came back with.
  const refusal = confirmRefusal(signature.state, signature.petitionState);
  const errorText = refusal
    ? tf(`refusals.${refusal}`)
    : error
      ? tf.has(`refusals.${error}` as never)
        ? tf(`refusals.${error}` as never)
        : t.has(`errors.${error}` as never)
          ? t(`errors.${error}` as never)
          : te("internal")
      : null;
  return (
    <div className="narrow">
      <PageHeading title={t("confirmTitle")} lead={t("confirmLead", { title: signature.petitionTitle })} />
      {errorText ? (
        <Notice tone={refusal ? "warning" : "error"} announce={Boolean(error)}>
          {errorText}
        </Notice>
      ) : null}
      {signature.state === "confirmed" ? (
        <Notice tone="success">{t("alreadyConfirmed")}</Notice>
      ) : refusal ? null : (
        <form method="post" action={`/api/v1/signatures/${id}/confirm`}>
          <input type="hidden" name="t" value={token} />
          <Button type="submit" size="lg">
            {t("confirmButton")}
          </Button>
        </form>
      )}
      {signature.petitionState !== "hidden" ? (
        <p className="mt-6">
          <Link href={signature.petitionPath}>{t("backToPetition")}</Link>
        </p>
      ) : null}
    </div>
  );
}
