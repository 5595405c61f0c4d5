import { ClientMessages } from "@/app/_layout/client-messages";

/** A citizen's own petitions: the petition form reads its namespace on the client. */
export default function MyLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["petitionForm"]}>{children}</ClientMessages>;
}
