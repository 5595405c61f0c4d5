import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";

/** The header's account area: a sign-in link, or the person's name and their profile. */
export async function AccountMenu({ actor }: { actor: Actor | null }) {
  const t = await getTranslations("common");
  if (!actor) {
    return (
      <Link href="/sign-in" className="header-link">
        {t("signIn")}
      </Link>
    );
  }
  return (
    <Link href="/profile" className="header-link">
      <span className="sr-only">{t("signedInAs")} </span>
      {actor.name || actor.email}
    </Link>
  );
}
