import { getTranslations } from "next-intl/server";
import { Badge, Button, EmptyState, Field, PageHeading, Pagination, Table, TextInput } from "@/app/_components";
import { getDb } from "@/db/client";
import { PLATFORM_ROLES } from "@/db/schema";
import { userSearchSchema } from "@/lib/users/schema";
import { searchUsers } from "@/lib/users/search-users";
import { requireAdminPage } from "../require-admin";
import { RoleButton } from "./role-button";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("users.title") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const admin = await requireAdminPage();
  const search = userSearchSchema.parse(await searchParams);
  const [t, result] = await Promise.all([getTranslations("admin"), searchUsers(getDb(), search)]);
  return (
    <>
      <PageHeading
        title={t("users.title")}
        lead={t("users.lead")}
        breadcrumbs={[{ href: "/admin", label: t("title") }]}
        breadcrumbsLabel={t("breadcrumbs")}
      />
      <form method="get" role="search" aria-label={t("users.searchLabel")} className="mt-8 flex flex-col gap-x-4 sm:flex-row sm:items-end">
        <Field id="q" label={t("users.searchLabel")} hint={t("users.searchHint")} className="sm:flex-1">
          <TextInput id="q" name="q" type="search" defaultValue={search.q} autoComplete="off" spellCheck={false} />
        </Field>
        <div className="mb-6">
          <Button type="submit">{t("search")}</Button>
        </div>
      </form>
      <p role="status" className="mb-4">
        {t("users.found", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState title={t("users.emptyTitle")} description={t("users.emptyDescription")} />
      ) : (
        <Table caption={t("users.tableCaption")} headers={[t("users.person"), t("users.roles"), t("users.actions")]}>
          {result.rows.map((user) => {
            const who = user.name ? `${user.name} (${user.email})` : user.email;
            return (
              <tr key={user.id}>
                <th scope="row" className="min-w-40">
                  {user.name || t("users.noName")}
                  <div className="font-normal break-all text-muted">{user.email}</div>
                  {user.id === admin.id ? <div className="font-normal text-muted">{t("users.you")}</div> : null}
                </th>
                <td>
                  <ul className="flex flex-wrap gap-2">
                    <li>
                      <Badge tone="neutral">{t("users.roleNames.citizen")}</Badge>
                    </li>
                    {user.platformRoles.map((role) => (
                      <li key={role}>
                        <Badge tone={role === "admin" ? "warning" : "info"}>{t(`users.roleNames.${role}`)}</Badge>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <div className="flex min-w-48 flex-col gap-2 sm:flex-row sm:flex-wrap">
                    {PLATFORM_ROLES.map((role) =>
                      // Not offered: the domain refuses it anyway, so the platform always keeps an admin.
                      role === "admin" && user.id === admin.id ? (
                        <p key={role} className="text-muted">
                          {t("users.ownAdmin")}
                        </p>
                      ) : (
                        <RoleButton key={role} userId={user.id} role={role} held={user.platformRoles.includes(role)} who={who} />
                      ),
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <Pagination
        basePath="/admin/users"
        searchParams={search.q ? { q: search.q } : {}}
        page={search.page}
        pageCount={result.pageCount}
        label={t("pagination")}
        previousLabel={t("previous")}
        nextLabel={t("next")}
        pageOfLabel={t("pageOf", { page: search.page, pageCount: result.pageCount })}
      />
    </>
  );
}
