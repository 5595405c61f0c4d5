import { ClientMessages } from "@/app/_layout/client-messages";
import type { Metadata } from "next";

// The agency dashboard is internal: never indexed. Access is checked by every page and every domain function.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function AgencyLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["agency", "files"]}>{children}</ClientMessages>;
}
