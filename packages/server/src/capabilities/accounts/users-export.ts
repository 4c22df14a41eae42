/** The district's accounts as .xlsx, as the office's list shows them. */
import { ROLE_LABELS } from "@beizeng/domain/accounts/vocabulary";
import type { DbContext } from "../../platform/db/database";
import { beijingMinute, buildTableXlsx } from "../../platform/exports/table-export";
import { listUsers } from "./users.service";

export async function usersXlsx(db: DbContext, districtId: string): Promise<Buffer> {
  const users = await listUsers(db, districtId);
  type User = (typeof users)[number];
  return buildTableXlsx<User>({
    title: "账号列表",
    columns: [
      { header: "用户名", value: (u) => u.username, width: 20 },
      { header: "姓名", value: (u) => u.displayName, width: 20 },
      { header: "角色", value: (u) => ROLE_LABELS[u.role].zh },
      { header: "所属单位", value: (u) => u.unit?.name ?? "", width: 24 },
      { header: "所属企业", value: (u) => u.enterprise?.name ?? "", width: 28 },
      { header: "统一社会信用代码", value: (u) => u.enterprise?.creditCode ?? "", width: 22 },
      { header: "状态", value: (u) => (u.disabled ? "已停用" : u.mustChangePassword ? "待修改初始密码" : "正常") },
      { header: "登录限制", value: (u) => (u.loginRestriction ? `连续失败 ${u.loginRestriction.failures} 次` : "") },
      { header: "创建时间（北京时间）", value: (u) => beijingMinute(new Date(u.createdAt)), width: 18 },
    ],
    rows: users,
  });
}
