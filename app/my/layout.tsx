import { ClientMessages } from "@/app/_layout/client-messages";

/** A citizen's own petitions: the petition form and its similar-petitions list read their namespaces on the client. */
export default function MyLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["petitionForm", "similarPetitions"]}>{children}</ClientMessages>;
}
