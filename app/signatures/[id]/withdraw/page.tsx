import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button, Notice, PageHeading } from "@/app/_components";
import { getDb } from "@/db/client";
import { signatureForLink } from "@/lib/petitions/signature-for-link";
import { WITHDRAWABLE } from "@/lib/petitions/states";
import { withdrawSignatureAction } from "./actions";

export const metadata = { robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string; error?: string; done?: string }> };

export default async function WithdrawSignaturePage({ params, searchParams }: Props) {
  const [{ id }, { t: token = "", error, done }, t, te] = await Promise.all([params, searchParams, getTranslations("signing"), getTranslations("errors")]);
  const tf = await getTranslations("signingFlow");
  const signature = await signatureForLink(getDb(), Number(id), "withdraw", token);
  if (!signature) {
    return (
      <div className="narrow">
        <PageHeading title={t("withdrawTitle")} />
        <Notice tone="error">{t("linkInvalid")}</Notice>
      </div>
    );
  }
  const canWithdraw = signature.state !== "withdrawn" && signature.state !== "invalidated" && WITHDRAWABLE.includes(signature.petitionState);
  return (
    <div className="narrow">
      <PageHeading title={t("withdrawTitle")} lead={t("withdrawLead", { title: signature.petitionTitle })} />
      {error ? <Notice tone="error">{t.has(`errors.${error}` as never) ? t(`errors.${error}` as never) : te("internal")}</Notice> : null}
      {done || signature.state === "withdrawn" ? (
        <Notice tone="success">
          <p>{t("withdrawn")}</p>
          {/* Withdrawing is not for good: signing again counts like a first signature. */}
          {WITHDRAWABLE.includes(signature.petitionState) ? (
            <p className="mt-2">
              <Link href={`${signature.petitionPath}#sign`}>{tf("signAgain")}</Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      {canWithdraw ? (
        <form action={withdrawSignatureAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="t" value={token} />
          <Button type="submit" variant="danger">
            {t("withdrawButton")}
          </Button>
        </form>
      ) : !done && signature.state !== "withdrawn" ? (
        <Notice tone="info">{t("cannotWithdraw")}</Notice>
      ) : null}
      <p className="mt-6">
        <Link href={signature.petitionPath}>{t("backToPetition")}</Link>
      </p>
    </div>
  );
}
