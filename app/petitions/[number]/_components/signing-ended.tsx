import { getFormatter, getTranslations } from "next-intl/server";
import { Notice } from "@/app/_components";
import type { PetitionState } from "@/lib/petitions/states";

/** States in which a petition has stopped collecting signatures for good. */
export const SIGNING_ENDED: readonly PetitionState[] = ["closed", "responded"];

/** Says plainly that signing is over, on a closed or answered petition; nothing otherwise. */
export async function SigningEnded({ state, closedAt }: { state: PetitionState; closedAt: Date | null }) {
  if (!SIGNING_ENDED.includes(state)) return null;
  const [t, format] = await Promise.all([getTranslations("sharing.ended"), getFormatter()]);
  const text =
    state === "responded" ? t("responded") : closedAt ? t("closed", { date: format.dateTime(closedAt, { dateStyle: "long" }) }) : t("closedNoDate");
  return (
    <Notice tone="info" title={t("title")} announce={false} className="mb-4">
      <p>{text}</p>
    </Notice>
  );
}
