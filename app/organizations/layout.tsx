import { ClientMessages } from "@/app/_layout/client-messages";

/** Organizations: registration and member forms read these namespaces on the client. */
export default function OrganizationsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["organizations", "files"]}>{children}</ClientMessages>;
}
