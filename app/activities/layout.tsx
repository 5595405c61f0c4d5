import { ClientMessages } from "@/app/_layout/client-messages";

/** Public control: its forms read these namespaces on the client. */
export default function ActivitiesLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["activities", "activityForms", "files", "organizations"]}>{children}</ClientMessages>;
}
