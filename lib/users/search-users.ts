import { asc, count, ilike, or } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { UserSearch } from "./schema";

export const USERS_PAGE_SIZE = 25;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** People by part of their e-mail or name, for the admin's roles page. Two queries. */
export async function searchUsers(db: Executor, search: UserSearch) {
  const pattern = `%${escapeLike(search.q)}%`;
  const where = search.q ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: users.id, email: users.email, name: users.name, platformRoles: users.platformRoles })
      .from(users)
      .where(where)
      .orderBy(asc(users.email))
      .limit(USERS_PAGE_SIZE)
      .offset((search.page - 1) * USERS_PAGE_SIZE),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}
