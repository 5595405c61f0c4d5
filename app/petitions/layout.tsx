import { ClientMessages } from "@/app/_layout/client-messages";

/** Petitions: the signing form reads its namespace on the client. */
export default function PetitionsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["signing", "siteLinks"]}>{children}</ClientMessages>;
}
