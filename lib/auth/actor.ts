import type { AgencyRole, OrganizationRole, PlatformRole } from "@/db/schema";

/** The signed-in person and every role they hold, as domain functions check them. */
export interface Actor {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  platformRoles: PlatformRole[];
  agencies: Array<{ agencyId: string; role: AgencyRole }>;
  organizations: Array<{ organizationId: string; role: OrganizationRole }>;
}
