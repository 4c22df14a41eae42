/** The district's units as .xlsx, as the office's list shows them. */
import type { UnitKind } from "@beizeng/domain/plan/vocabulary";
import type { DbContext } from "../../platform/db/database";
import { buildTableXlsx } from "../../platform/exports/table-export";
import { listUnits } from "./units.service";

const KIND_LABELS: Record<UnitKind, string> = {
  leadership: "领导小组",
  office: "办公室",
  department: "部门",
  town: "乡镇",
  street: "街道",
  zone: "开发区/园区",
  discipline: "纪检监察",
};

export async function unitsXlsx(db: DbContext, districtId: string): Promise<Buffer> {
  const { items } = await listUnits(db, districtId);
  type Unit = (typeof items)[number];
  return buildTableXlsx<Unit>({
    title: "单位列表",
    columns: [
      { header: "名称", value: (u) => u.name, width: 28 },
      { header: "英文名称", value: (u) => u.nameEn, width: 36 },
      { header: "类别", value: (u) => KIND_LABELS[u.kind] },
      { header: "来源", value: (u) => (u.editable ? "办公室维护" : "行动计划列明") },
      { header: "状态", value: (u) => (u.active ? "在用" : "已停用") },
    ],
    rows: items,
  });
}
