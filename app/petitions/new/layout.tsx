import { ClientMessages } from "@/app/_layout/client-messages";

/** Starting a petition: the petition form reads its namespace on the client. */
export default function NewPetitionLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["petitionForm"]}>{children}</ClientMessages>;
}
