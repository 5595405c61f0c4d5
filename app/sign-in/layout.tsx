import { ClientMessages } from "@/app/_layout/client-messages";

/** The sign-in form reads its namespace on the client. */
export default function SignInLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["auth"]}>{children}</ClientMessages>;
}
