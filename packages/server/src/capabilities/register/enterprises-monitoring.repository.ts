import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { MonitoringWarningRow, MonitoringWarningTable } from "./enterprise-register.table";

export async function findMonitoringSettings(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("monitoring_settings")
    .selectAll()
    .where("district_id", "=", districtId)
    .executeTakeFirst();
}

export async function putMonitoringSettings(db: DbContext, districtId: string, share: string, at: string) {
  const existing = await findMonitoringSettings(db, districtId);
  if (existing) {
    await db.kysely
      .updateTable("monitoring_settings")
      .set({ revenue_drop_share: share, updated_at: at })
      .where("district_id", "=", districtId)
      .execute();
  } else {
    await db.kysely
      .insertInto("monitoring_settings")
      .values({ district_id: districtId, revenue_drop_share: share, updated_at: at })
      .execute();
  }
}

export interface MonitoredEnterprise {
  id: number;
  is_key: number;
  leader_user_id: number | null;
}

/** The district's key enterprises, plus any of `alsoIds` (whose warnings may need resolving). */
export async function findMonitoredEnterprises(
  db: DbContext,
  districtId: string,
  onlyIds?: readonly number[],
): Promise<MonitoredEnterprise[]> {
  let query = db.kysely
    .selectFrom("enterprises")
    .select(["id", "is_key", "leader_user_id"])
    .where("district_id", "=", districtId);
  if (onlyIds) {
    if (onlyIds.length === 0) return [];
    query = query.where("id", "in", [...onlyIds]);
  } else {
    query = query.where("is_key", "=", 1);
  }
  return query.execute();
}

export interface MonthlyFigure {
  enterprise_id: number;
  year: number;
  month: number;
  value: string;
}

/** Official monthly values in force of one metric for these enterprises. */
export async function findMonthlyOfficial(
  db: DbContext,
  enterpriseIds: readonly number[],
  metric: string,
): Promise<MonthlyFigure[]> {
  const rows: MonthlyFigure[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 500) {
    const part = enterpriseIds.slice(i, i + 500);
    rows.push(
      ...(await db.kysely
        .selectFrom("figures")
        .select(["enterprise_id", "year", "month", "value"])
        .where("enterprise_id", "in", part)
        .where("metric", "=", metric)
        .where("month", ">", 0)
        .where("official", "=", 1)
        .where("superseded_by", "is", null)
        .execute()),
    );
  }
  return rows;
}

export async function findWarningsOf(db: DbContext, enterpriseIds: readonly number[]): Promise<MonitoringWarningRow[]> {
  const rows: MonitoringWarningRow[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 500) {
    const part = enterpriseIds.slice(i, i + 500);
    rows.push(
      ...(await db.kysely.selectFrom("monitoring_warnings").selectAll().where("enterprise_id", "in", part).execute()),
    );
  }
  return rows;
}

export async function insertWarning(db: DbContext, row: Insertable<MonitoringWarningTable>) {
  await db.kysely.insertInto("monitoring_warnings").values(row).execute();
}

export async function updateWarning(db: DbContext, id: number, patch: Updateable<MonitoringWarningTable>) {
  await db.kysely.updateTable("monitoring_warnings").set(patch).where("id", "=", id).execute();
}

export interface WarningListRow extends MonitoringWarningRow {
  enterprise_name: string;
  credit_code: string;
  leader_name: string | null;
}

export async function listWarnings(
  db: DbContext,
  filter: { districtId: string; status?: "open" | "resolved"; leaderUserId?: number; enterpriseId?: number },
): Promise<WarningListRow[]> {
  let query = db.kysely
    .selectFrom("monitoring_warnings as w")
    .innerJoin("enterprises as e", "e.id", "w.enterprise_id")
    .leftJoin("users as u", "u.id", "w.leader_user_id")
    .selectAll("w")
    .select(["e.name as enterprise_name", "e.credit_code", "u.display_name as leader_name"])
    .where("w.district_id", "=", filter.districtId);
  if (filter.status) query = query.where("w.status", "=", filter.status);
  if (filter.leaderUserId !== undefined) query = query.where("w.leader_user_id", "=", filter.leaderUserId);
  if (filter.enterpriseId !== undefined) query = query.where("w.enterprise_id", "=", filter.enterpriseId);
  return query.orderBy("w.year", "desc").orderBy("w.month", "desc").orderBy("e.name").limit(2000).execute();
}
