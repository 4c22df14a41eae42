/** Enterprise requests (企业诉求直通车), their co-units and timeline, and service days (企业服务日). */
import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type {
  EnterpriseRequestAttachmentTable,
  EnterpriseRequestEventTable,
  EnterpriseRequestRow,
  EnterpriseRequestTable,
  ServiceDayTable,
} from "./enterprise-requests.table";

export interface RequestListRow extends EnterpriseRequestRow {
  enterprise_name: string;
  enterprise_credit_code: string;
  enterprise_leader_user_id: number | null;
  unit_name: string | null;
  unit_name_en: string | null;
  service_day_theme: string | null;
}

export interface RequestFilter {
  districtId: string;
  status?: string;
  category?: string;
  enterpriseId?: number;
  /** The responsible unit only. */
  unitId?: number;
  /** Responsible or co-unit: what a unit's staff may see. */
  involvingUnitId?: number;
  serviceDayId?: number;
  /** Requests of the enterprises this leader is assigned to (挂点). */
  leaderUserId?: number;
  /** Words in the title, the content or the enterprise's name. */
  q?: string;
}

function baseQuery(db: DbContext) {
  return db.kysely
    .selectFrom("enterprise_requests as r")
    .innerJoin("enterprises as e", "e.id", "r.enterprise_id")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .leftJoin("service_days as d", "d.id", "r.service_day_id")
    .selectAll("r")
    .select([
      "e.name as enterprise_name",
      "e.credit_code as enterprise_credit_code",
      "e.leader_user_id as enterprise_leader_user_id",
      "u.name as unit_name",
      "u.name_en as unit_name_en",
      "d.theme as service_day_theme",
    ]);
}

export async function findRequests(db: DbContext, filter: RequestFilter): Promise<RequestListRow[]> {
  let query = baseQuery(db).where("r.district_id", "=", filter.districtId);
  if (filter.status) query = query.where("r.status", "=", filter.status);
  if (filter.category) query = query.where("r.category", "=", filter.category);
  if (filter.enterpriseId !== undefined) query = query.where("r.enterprise_id", "=", filter.enterpriseId);
  if (filter.unitId !== undefined) query = query.where("r.unit_id", "=", filter.unitId);
  if (filter.serviceDayId !== undefined) query = query.where("r.service_day_id", "=", filter.serviceDayId);
  if (filter.leaderUserId !== undefined) query = query.where("e.leader_user_id", "=", filter.leaderUserId);
  if (filter.involvingUnitId !== undefined) {
    const unitId = filter.involvingUnitId;
    query = query.where((eb) =>
      eb.or([
        eb("r.unit_id", "=", unitId),
        eb.exists(
          eb
            .selectFrom("enterprise_request_co_units as c")
            .select("c.unit_id")
            .whereRef("c.request_id", "=", "r.id")
            .where("c.unit_id", "=", unitId),
        ),
      ]),
    );
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb("r.title", "like", pattern), eb("r.content", "like", pattern), eb("e.name", "like", pattern)]),
    );
  }
  return query.orderBy("r.created_at", "desc").orderBy("r.id", "desc").execute();
}

export async function findRequest(db: DbContext, districtId: string, id: number): Promise<RequestListRow | undefined> {
  return baseQuery(db).where("r.district_id", "=", districtId).where("r.id", "=", id).executeTakeFirst();
}

export async function insertRequest(db: DbContext, values: Insertable<EnterpriseRequestTable>): Promise<number> {
  const row = await db.kysely
    .insertInto("enterprise_requests")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRequestRow(
  db: DbContext,
  id: number,
  patch: Updateable<EnterpriseRequestTable>,
): Promise<void> {
  await db.kysely.updateTable("enterprise_requests").set(patch).where("id", "=", id).execute();
}

export async function coUnitsOf(
  db: DbContext,
  requestIds: number[],
): Promise<{ request_id: number; unit_id: number; unit_name: string }[]> {
  if (requestIds.length === 0) return [];
  const rows: { request_id: number; unit_id: number; unit_name: string }[] = [];
  // Chunks keep the parameter count under SQLite's limit on large lists.
  for (let start = 0; start < requestIds.length; start += 500) {
    rows.push(
      ...(await db.kysely
        .selectFrom("enterprise_request_co_units as c")
        .innerJoin("units as u", "u.id", "c.unit_id")
        .select(["c.request_id", "c.unit_id", "u.name as unit_name"])
        .where("c.request_id", "in", requestIds.slice(start, start + 500))
        .orderBy("u.name")
        .execute()),
    );
  }
  return rows;
}

export async function replaceCoUnits(db: DbContext, requestId: number, unitIds: number[]): Promise<void> {
  await db.kysely.deleteFrom("enterprise_request_co_units").where("request_id", "=", requestId).execute();
  if (unitIds.length === 0) return;
  await db.kysely
    .insertInto("enterprise_request_co_units")
    .values(unitIds.map((unitId) => ({ request_id: requestId, unit_id: unitId })))
    .execute();
}

export async function insertRequestEvent(
  db: DbContext,
  values: Insertable<EnterpriseRequestEventTable>,
): Promise<number> {
  const row = await db.kysely
    .insertInto("enterprise_request_events")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function eventsOf(db: DbContext, requestId: number) {
  return db.kysely
    .selectFrom("enterprise_request_events as ev")
    .leftJoin("users as us", "us.id", "ev.actor_user_id")
    .leftJoin("units as u", "u.id", "ev.unit_id")
    .selectAll("ev")
    .select(["us.display_name as actor_name", "u.name as unit_name"])
    .where("ev.request_id", "=", requestId)
    .orderBy("ev.at")
    .orderBy("ev.id")
    .execute();
}

export async function findEnterpriseForRequest(db: DbContext, districtId: string, enterpriseId: number) {
  return db.kysely
    .selectFrom("enterprises")
    .select(["id", "name", "leader_user_id", "is_key"])
    .where("district_id", "=", districtId)
    .where("id", "=", enterpriseId)
    .executeTakeFirst();
}

/** Districts with a request not yet answered (the hourly escalation visits only these). */
export async function districtsWithOpenRequests(db: DbContext): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom("enterprise_requests")
    .select("district_id")
    .distinct()
    .where("status", "in", ["assigned", "accepted"])
    .execute();
  return rows.map((row) => row.district_id);
}

export async function insertRequestAttachment(
  db: DbContext,
  values: Insertable<EnterpriseRequestAttachmentTable>,
): Promise<number> {
  const row = await db.kysely
    .insertInto("enterprise_request_attachments")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A request's files without their content, oldest first, with who uploaded them. */
export async function attachmentsOfRequest(db: DbContext, requestId: number) {
  return db.kysely
    .selectFrom("enterprise_request_attachments as a")
    .leftJoin("users as us", "us.id", "a.uploaded_by")
    .leftJoin("units as u", "u.id", "a.unit_id")
    .select([
      "a.id",
      "a.file_name",
      "a.content_type",
      "a.size_bytes",
      "a.sha256",
      "a.uploaded_by",
      "a.uploaded_by_label",
      "a.unit_id",
      "a.created_at",
      "us.display_name as uploader_name",
      "u.name as unit_name",
    ])
    .where("a.request_id", "=", requestId)
    .orderBy("a.created_at")
    .orderBy("a.id")
    .execute();
}

export async function findRequestAttachment(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("enterprise_request_attachments")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function deleteRequestAttachment(db: DbContext, id: number): Promise<void> {
  await db.kysely.deleteFrom("enterprise_request_attachments").where("id", "=", id).execute();
}

export async function insertServiceDay(db: DbContext, values: Insertable<ServiceDayTable>): Promise<number> {
  const row = await db.kysely.insertInto("service_days").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function setServiceDayMembers(
  db: DbContext,
  serviceDayId: number,
  unitIds: number[],
  enterpriseIds: number[],
): Promise<void> {
  if (unitIds.length > 0)
    await db.kysely
      .insertInto("service_day_units")
      .values(unitIds.map((unitId) => ({ service_day_id: serviceDayId, unit_id: unitId })))
      .execute();
  if (enterpriseIds.length > 0)
    await db.kysely
      .insertInto("service_day_enterprises")
      .values(enterpriseIds.map((enterpriseId) => ({ service_day_id: serviceDayId, enterprise_id: enterpriseId })))
      .execute();
}

export async function updateServiceDay(
  db: DbContext,
  id: number,
  values: Pick<Updateable<ServiceDayTable>, "held_on" | "theme" | "venue" | "note">,
): Promise<void> {
  await db.kysely.updateTable("service_days").set(values).where("id", "=", id).execute();
}

/** Removes a service day's units and enterprises (before setting them anew, or with the day). */
export async function clearServiceDayMembers(db: DbContext, serviceDayId: number): Promise<void> {
  await db.kysely.deleteFrom("service_day_units").where("service_day_id", "=", serviceDayId).execute();
  await db.kysely.deleteFrom("service_day_enterprises").where("service_day_id", "=", serviceDayId).execute();
}

export async function deleteServiceDay(db: DbContext, id: number): Promise<void> {
  await db.kysely.deleteFrom("service_days").where("id", "=", id).execute();
}

/** How many requests were registered with this service day. */
export async function countServiceDayRequests(db: DbContext, serviceDayId: number): Promise<number> {
  const rows = await db.kysely
    .selectFrom("enterprise_requests")
    .select("id")
    .where("service_day_id", "=", serviceDayId)
    .execute();
  return rows.length;
}

export async function findServiceDays(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("service_days")
    .selectAll()
    .where("district_id", "=", districtId)
    .orderBy("held_on", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function findServiceDay(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("service_days")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function serviceDayMembers(db: DbContext, serviceDayIds: number[]) {
  if (serviceDayIds.length === 0) return { units: [], enterprises: [] };
  const units = await db.kysely
    .selectFrom("service_day_units as s")
    .innerJoin("units as u", "u.id", "s.unit_id")
    .select(["s.service_day_id", "u.id", "u.name"])
    .where("s.service_day_id", "in", serviceDayIds)
    .orderBy("u.name")
    .execute();
  const enterprises = await db.kysely
    .selectFrom("service_day_enterprises as s")
    .innerJoin("enterprises as e", "e.id", "s.enterprise_id")
    .select(["s.service_day_id", "e.id", "e.name"])
    .where("s.service_day_id", "in", serviceDayIds)
    .orderBy("e.name")
    .execute();
  return { units, enterprises };
}

/** How many of these enterprise ids belong to the district. */
export async function countDistrictEnterprises(db: DbContext, districtId: string, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.kysely
    .selectFrom("enterprises")
    .select("id")
    .where("district_id", "=", districtId)
    .where("id", "in", ids)
    .execute();
  return rows.length;
}

/** The district's demo enterprises, key enterprises with an assigned leader first (the demo's requests go to them). */
export async function demoEnterprisesForRequests(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("enterprises")
    .select(["id", "name", "leader_user_id", "is_key"])
    .where("district_id", "=", districtId)
    .where("is_demo", "=", 1)
    .orderBy("is_key", "desc")
    .orderBy("id")
    .limit(40)
    .execute();
}
