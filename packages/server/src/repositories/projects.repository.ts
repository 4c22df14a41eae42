import type { DbContext } from "../db/database";
import type { ProjectRow } from "../db/tables/projects";
import { containsText } from "./enterprises.repository";

export interface ProjectFilter {
  districtId: string;
  q?: string;
  stage?: string;
  chain?: string;
  leadUnitId?: number;
}

export interface ProjectListRow extends ProjectRow {
  lead_unit_name: string | null;
  enterprise_name: string | null;
}

export async function findProjects(
  db: DbContext,
  filter: ProjectFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ProjectListRow[]; total: number }> {
  let query = db.kysely
    .selectFrom("projects as p")
    .leftJoin("units as lead", "lead.id", "p.lead_unit_id")
    .leftJoin("enterprises as e", "e.id", "p.enterprise_id")
    .where("p.district_id", "=", filter.districtId);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([containsText("p.name", q), containsText("p.investor", q)]));
  }
  if (filter.stage) query = query.where("p.stage", "=", filter.stage);
  if (filter.chain) query = query.where("p.chain_id", "=", filter.chain);
  if (filter.leadUnitId !== undefined) query = query.where("p.lead_unit_id", "=", filter.leadUnitId);
  const totalRow = await query.select((eb) => eb.fn.countAll().as("total")).executeTakeFirst();
  const rows = await query
    .selectAll("p")
    .select(["lead.name as lead_unit_name", "e.name as enterprise_name"])
    .orderBy("p.code")
    .orderBy("p.id")
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(totalRow?.total ?? 0) };
}
