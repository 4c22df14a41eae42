/**
 * What every part of the demo loader writes with: the transaction, the district, one timestamp for rows
 * written "now", the ids of what is already written (by natural key), and the ways a demo record is audited.
 */
import type { Insertable } from "kysely";
import { type Actor, recordAudit } from "../platform/audit/audit.service";
import type { AuthUser } from "../platform/auth/auth.service";
import type { DbContext } from "../platform/db/database";
import type { Database } from "../platform/db/schema";
import { type DemoRowTable, insertDemoRows } from "./demo-data.repository";
import { DEMO_ACTOR_LABEL, type DemoDataset } from "./generate";

export const DEMO_ACTOR: Actor = { userId: null, label: DEMO_ACTOR_LABEL };

export interface DemoWriter {
  tx: DbContext;
  districtId: string;
  /** When the demo was loaded: the created_at of rows that have no date of their own. */
  now: string;
  dataset: DemoDataset;
  /** Ids by natural key, filled in as the loader writes units' accounts, enterprises and projects. */
  ids: {
    units: ReadonlyMap<string, number>;
    users: Map<string, number>;
    enterprises: Map<string, number>;
    projects: Map<string, number>;
  };
  unitId(code: string | null): number | null;
  userId(username: string | null): number | null;
  /** Throws for an enterprise the loader has not written: the dataset refers only to its own. */
  enterpriseId(creditCode: string): number;
  projectId(code: string): number;
}

export function demoWriter(
  tx: DbContext,
  districtId: string,
  dataset: DemoDataset,
  units: ReadonlyMap<string, number>,
): DemoWriter {
  const ids = {
    units,
    users: new Map<string, number>(),
    enterprises: new Map<string, number>(),
    projects: new Map<string, number>(),
  };
  const required = (kind: string, map: ReadonlyMap<string, number>, key: string) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`demo ${kind} ${key} was not inserted`);
    return id;
  };
  return {
    tx,
    districtId,
    now: new Date().toISOString(),
    dataset,
    ids,
    unitId: (code) => (code === null ? null : (units.get(code) ?? null)),
    userId: (username) => (username === null ? null : (ids.users.get(username) ?? null)),
    enterpriseId: (creditCode) => required("enterprise", ids.enterprises, creditCode),
    projectId: (code) => required("project", ids.projects, code),
  };
}

/** One audit entry by the demo actor. */
export async function auditDemo(
  writer: DemoWriter,
  entry: { action?: string; entityType: string; entityId: string | number | null; before?: unknown; after: unknown },
): Promise<void> {
  await recordAudit(writer.tx, {
    districtId: writer.districtId,
    actor: DEMO_ACTOR,
    action: entry.action ?? "create",
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
  });
}

/** Inserts one table's rows, then audits each record as created (in the records' order). */
export async function insertAudited<Record, Table extends DemoRowTable>(
  writer: DemoWriter,
  table: Table,
  records: readonly Record[],
  row: (record: Record) => Insertable<Database[Table]>,
  audit: (record: Record) => { entityType: string; entityId: string | number; after: object },
): Promise<void> {
  await insertDemoRows(writer.tx, table, records.map(row));
  for (const record of records) await auditDemo(writer, audit(record));
}

type EnterpriseRecordTable = Extract<
  DemoRowTable,
  | "enterprise_designations"
  | "enterprise_listing_events"
  | "enterprise_service_notes"
  | "enterprise_grants"
  | "tech_projects"
  | "enterprise_events"
>;

/**
 * Records that belong to an enterprise (designations, grants, events…): each row carries the district and the
 * enterprise, and each is audited under the enterprise's id, as the register does, so that it shows in the
 * enterprise's history.
 */
export async function insertEnterpriseRecords<
  Record extends { creditCode: string },
  Table extends EnterpriseRecordTable,
>(
  writer: DemoWriter,
  table: Table,
  entityType: string,
  records: readonly Record[],
  columns: (record: Record) => Omit<Insertable<Database[Table]>, "district_id" | "enterprise_id">,
  summary: (record: Record) => object,
): Promise<void> {
  await insertAudited(
    writer,
    table,
    records,
    // Each of these tables has district_id and enterprise_id; TypeScript cannot see that through a generic.
    (record) =>
      ({
        district_id: writer.districtId,
        enterprise_id: writer.enterpriseId(record.creditCode),
        ...columns(record),
      }) as unknown as Insertable<Database[Table]>,
    (record) => ({
      entityType,
      entityId: writer.enterpriseId(record.creditCode),
      after: { ...summary(record), isDemo: true },
    }),
  );
}

/** A demo staff account as the services see their caller; undefined when the plan has no such account. */
export function demoStaff(
  writer: DemoWriter,
  username: string,
  role: "office" | "inspector" | "unit",
): AuthUser | undefined {
  const id = writer.ids.users.get(username);
  const account = writer.dataset.accounts.find((a) => a.username === username);
  if (id === undefined || account === undefined) return undefined;
  return {
    id,
    username,
    displayName: account.displayName,
    role,
    districtId: writer.districtId,
    unitId: writer.unitId(account.unitCode),
    enterpriseId: null,
    mustChangePassword: false,
  };
}
