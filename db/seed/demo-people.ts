import type { Locale } from "../../lib/i18n/locales";
import type { AgencyRole, OrganizationRole, PlatformRole } from "../schema";

/**
 * Demo accounts, one per role, for development and demonstrations only.
 * Every name, address and number here is invented; none belongs to a real
 * person or organization. Addresses use the reserved demo domain
 * `demo.birge.kz`; no real mail is delivered there.
 */

export type DemoOrganization = {
  slug: string;
  name: string;
  /** Invented 12-digit BIN (valid check digit, no real registration). */
  bin: string;
  contactEmail: string;
  state: "verified";
};

export type DemoPerson = {
  email: string;
  name: string;
  locale: Locale;
  platformRoles: PlatformRole[];
  /** Membership in an agency, by the agency's seed slug (see ./agencies.ts). */
  agency?: { slug: string; role: AgencyRole };
  /** Membership in an organization, by slug (see DEMO_ORGANIZATIONS). */
  organization?: { slug: string; role: OrganizationRole };
};

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    slug: "adal-qogam",
    name: "Общественный фонд «Adal Qogam»",
    bin: "210540027181",
    contactEmail: "adal-qogam@demo.birge.kz",
    state: "verified",
  },
  {
    slug: "taza-auyl",
    name: "Экологиялық қоғамдық бірлестік «Taza Auyl»",
    bin: "190340010004",
    contactEmail: "taza-auyl@demo.birge.kz",
    state: "verified",
  },
  {
    slug: "qala-bolashagy",
    name: "Общественное объединение «Qala Bolashagy»",
    bin: "190340010014",
    contactEmail: "qala-bolashagy@demo.birge.kz",
    state: "verified",
  },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    email: "ngo2.owner@demo.birge.kz",
    name: "Ержан Қасымов",
    locale: "kk",
    platformRoles: [],
    organization: { slug: "taza-auyl", role: "owner" },
  },
  {
    email: "ngo3.owner@demo.birge.kz",
    name: "Марина Ковальчук",
    locale: "ru",
    platformRoles: [],
    organization: { slug: "qala-bolashagy", role: "owner" },
  },
  {
    email: "citizen@demo.birge.kz",
    name: "Әлия Серікбаева",
    locale: "kk",
    platformRoles: [],
  },
  {
    email: "citizen2@demo.birge.kz",
    name: "Виктор Лебеденко",
    locale: "ru",
    platformRoles: [],
  },
  {
    email: "ngo.owner@demo.birge.kz",
    name: "Дана Жұмабекова",
    locale: "kk",
    platformRoles: [],
    organization: { slug: "adal-qogam", role: "owner" },
  },
  {
    email: "ngo.member@demo.birge.kz",
    name: "Arman Tulegenov",
    locale: "en",
    platformRoles: [],
    organization: { slug: "adal-qogam", role: "member" },
  },
  {
    email: "agency.staff@demo.birge.kz",
    name: "Мадина Ержанова",
    locale: "ru",
    platformRoles: [],
    agency: { slug: "akimat-astana", role: "staff" },
  },
  {
    email: "agency.supervisor@demo.birge.kz",
    name: "Қайрат Бекболатов",
    locale: "kk",
    platformRoles: [],
    agency: { slug: "akimat-astana", role: "supervisor" },
  },
  {
    email: "moderator@demo.birge.kz",
    name: "Гүлнар Омарова",
    locale: "ru",
    platformRoles: ["moderator"],
  },
  {
    email: "admin@demo.birge.kz",
    name: "Ruslan Akhmetov",
    locale: "en",
    platformRoles: ["admin"],
  },
];
