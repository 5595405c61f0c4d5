import { ClientMessages } from "@/app/_layout/client-messages";
import type { Metadata } from "next";
import { requireModerator } from "./require-moderator";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The moderation area: moderators (and admins) only. */
export default async function ModerationLayout({ children }: { children: React.ReactNode }) {
  await requireModerator("/moderation");
  return <ClientMessages namespaces={["moderation", "activityForms", "organizations", "files"]}>{children}</ClientMessages>;
}
