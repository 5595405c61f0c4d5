import { ClientMessages } from "@/app/_layout/client-messages";

/** Starting a petition: the petition form and its similar-petitions list read their namespaces on the client. */
export default function NewPetitionLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["petitionForm", "similarPetitions"]}>{children}</ClientMessages>;
}
