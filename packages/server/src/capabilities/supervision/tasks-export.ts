/** The task list as .xlsx, with the filters the page applied. */
import type { TaskColor, TaskCycle, TaskQuery, TaskView } from "@beizeng/contract/supervision";
import { MEASUREMENT_UNIT_ZH } from "@beizeng/domain/supervision/quantity-sources";
import type { FastifyReply } from "fastify";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { buildTableXlsx } from "../../platform/exports/table-export";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { findUnit } from "../units/index";
import { listTasks } from "./tasks.service";

const COLOR_LABELS: Record<TaskColor, string> = { green: "正常", yellow: "黄色预警", red: "红色预警" };
const CYCLE_LABELS: Record<TaskCycle, string> = {
  once: "一次性",
  monthly: "每月",
  quarterly: "每季度",
  yearly: "每年",
};

export async function exportTaskList(db: DbContext, user: AuthUser, query: TaskQuery, reply: FastifyReply) {
  const { items, asOf } = await listTasks(db, user, query);
  const unit = query.unit === undefined ? undefined : await findUnit(db, query.unit);
  const buffer = await buildTableXlsx<TaskView>({
    title: "任务督办",
    filters: [
      { label: "预警状态", value: query.color ? COLOR_LABELS[query.color] : "" },
      { label: "所属举措", value: query.measure ?? "" },
      { label: "单位", value: unit && unit.district_id === user.districtId ? unit.name : "" },
      { label: "截至", value: asOf },
    ],
    columns: [
      { header: "条款", value: (task) => task.measureId, width: 8 },
      { header: "任务", value: (task) => task.title, width: 40 },
      { header: "牵头单位", value: (task) => task.ownerUnit.name, width: 20 },
      { header: "责任单位", value: (task) => task.sharingUnits.map((s) => s.name).join("、"), width: 36 },
      { header: "报送周期", value: (task) => CYCLE_LABELS[task.cycle] },
      {
        header: "期限",
        value: (task) => task.dueDate ?? `${task.startDate} 至 ${task.endDate}`,
        width: 24,
      },
      { header: "已报期数", value: (task) => task.health.reportedPeriods, kind: "count" },
      { header: "应报期数", value: (task) => task.health.duePeriods, kind: "count" },
      { header: "逾期期数", value: (task) => task.health.overduePeriods, kind: "count" },
      {
        header: "累计完成数量",
        value: (task) =>
          task.health.achievedQuantity === null
            ? ""
            : `${task.health.achievedQuantity}${task.quantityUnit ? MEASUREMENT_UNIT_ZH[task.quantityUnit] : ""}${task.quantityFrom ? "（由台账自动计算）" : ""}`,
        width: 22,
      },
      { header: "下一期限", value: (task) => task.health.nextDeadline ?? "" },
      { header: "状态", value: (task) => COLOR_LABELS[task.health.color] },
      { header: "预警原因", value: (task) => task.health.reasons.join("；"), width: 40 },
    ],
    rows: items,
  });
  return sendDownload(reply, { fileName: "任务督办.xlsx", contentType: CONTENT_TYPES.xlsx, body: buffer });
}
