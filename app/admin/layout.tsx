import { ClientMessages } from "@/app/_layout/client-messages";
import type { Metadata } from "next";
import { requireAdminPage } from "./require-admin";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The admin area. Not the security check: every action's domain function calls assertAdmin itself. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage();
  return <ClientMessages namespaces={["admin"]}>{children}</ClientMessages>;
}
