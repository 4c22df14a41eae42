/**
 * The records a revised plan would leave without their unit or chain: accounts, enterprises located in a
 * town, tasks, projects and requests of a unit the revision removes; enterprises of a removed chain. History
 * (reports, events, results) keeps naming a retired unit and is not an orphan.
 */
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { DbContext } from "../../platform/db/database";

/** What a retired unit or chain would still hold; the web names each kind in the user's language. */
export const ORPHAN_RECORD_KINDS = {
  accounts: "账号",
  locatedEnterprises: "所在企业",
  ledTasks: "牵头任务",
  ledProjects: "牵头项目",
  openRequests: "未办结的诉求",
  chainEnterprises: "企业",
} as const;
export type OrphanRecordKind = keyof typeof ORPHAN_RECORD_KINDS;

export interface PlanOrphan {
  section: "units" | "chains";
  /** 单位 or 产业链, for the message. */
  what: string;
  id: string;
  name: string;
  records: { kind: OrphanRecordKind; label: string; count: number; examples: string[] }[];
}

const EXAMPLES = 3;

export async function findPlanOrphans(
  db: DbContext,
  districtId: string,
  current: PlanFile,
  revised: PlanFile,
): Promise<PlanOrphan[]> {
  const orphans: PlanOrphan[] = [];
  const keptUnits = new Set(revised.units.map((unit) => unit.id));
  for (const unit of current.units) {
    if (keptUnits.has(unit.id)) continue;
    const row = await db.kysely
      .selectFrom("units")
      .select("id")
      .where("district_id", "=", districtId)
      .where("code", "=", unit.id)
      .executeTakeFirst();
    if (!row) continue;
    const records = (await unitRecords(db, row.id)).filter((record) => record.count > 0);
    if (records.length > 0) orphans.push({ section: "units", what: "单位", id: unit.id, name: unit.name, records });
  }
  const keptChains = new Set(revised.chains.map((chain) => chain.id));
  for (const chain of current.chains) {
    if (keptChains.has(chain.id)) continue;
    const rows = await db.kysely
      .selectFrom("enterprises")
      .select("name")
      .where("district_id", "=", districtId)
      .where("chain_id", "=", chain.id)
      .orderBy("id")
      .execute();
    if (rows.length === 0) continue;
    orphans.push({
      section: "chains",
      what: "产业链",
      id: chain.id,
      name: chain.name,
      records: [listed("chainEnterprises", rows)],
    });
  }
  return orphans;
}

/** The live records that name one unit: its accounts, located enterprises, led tasks and projects, open requests. */
async function unitRecords(db: DbContext, unitId: number): Promise<PlanOrphan["records"]> {
  const { kysely } = db;
  const accounts = await kysely
    .selectFrom("users")
    .select("display_name as name")
    .where("unit_id", "=", unitId)
    .where("disabled", "=", 0)
    .orderBy("id")
    .execute();
  const enterprises = await kysely
    .selectFrom("enterprises")
    .select("name")
    .where("town_unit_id", "=", unitId)
    .orderBy("id")
    .execute();
  const tasks = await kysely
    .selectFrom("tasks")
    .select("title as name")
    .where("owner_unit_id", "=", unitId)
    .orderBy("id")
    .execute();
  const projects = await kysely
    .selectFrom("projects")
    .select("name")
    .where("lead_unit_id", "=", unitId)
    .orderBy("id")
    .execute();
  const requests = await kysely
    .selectFrom("enterprise_requests")
    .select("title as name")
    .where("unit_id", "=", unitId)
    .where("status", "!=", "closed")
    .orderBy("id")
    .execute();
  return [
    listed("accounts", accounts),
    listed("locatedEnterprises", enterprises),
    listed("ledTasks", tasks),
    listed("ledProjects", projects),
    listed("openRequests", requests),
  ];
}

function listed(kind: OrphanRecordKind, rows: { name: string }[]): PlanOrphan["records"][number] {
  return {
    kind,
    label: ORPHAN_RECORD_KINDS[kind],
    count: rows.length,
    examples: rows.slice(0, EXAMPLES).map((row) => row.name),
  };
}
