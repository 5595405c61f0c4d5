import { ClientMessages } from "@/app/_layout/client-messages";

/** The profile form reads its namespace on the client. */
export default function ProfileLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["profile"]}>{children}</ClientMessages>;
}
