import { userInfo } from "node:os";
import { createUser, temporaryPassword } from "@beizeng/server/capabilities/accounts/index";
import { findEnterprises } from "@beizeng/server/capabilities/register/index";
import { findUnitByCode } from "@beizeng/server/capabilities/units/index";
import { listDistricts } from "@beizeng/server/demo/demo-data.repository";
import type { Actor } from "@beizeng/server/platform/audit/audit.service";
import { DISTRICT_ROLES, type Role } from "@beizeng/server/platform/auth/users.table";
import type { BeizengDb } from "@beizeng/server/platform/db/database";
import { type Command, Option } from "commander";
import { action, CliError, readStdin, withDatabase } from "../cli-context";

interface CreateOptions {
  username: string;
  role: Role;
  unit?: string;
  enterprise?: string;
  displayName?: string;
  passwordStdin?: boolean;
  district?: string;
  mustChangePassword: boolean;
}

/** Changes made from the command line are audited under the operating-system user who ran it. */
export function cliActor(): Actor {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): the label still says it came from the command line.
  }
  return { userId: null, label: `cli:${name}` };
}

export function registerUsersCommand(program: Command): void {
  const users = program.command("users").description("账号 / Accounts");
  users
    .command("create")
    .description("创建账号 / Create an account")
    .requiredOption("--username <name>", "用户名 / username (3–40: a-z 0-9 _ . -)")
    .addOption(
      new Option("--role <role>", "角色（区域账号用 beizeng region add-user）/ role (a region's: region add-user)")
        .choices([...DISTRICT_ROLES])
        .makeOptionMandatory(),
    )
    .option("--unit <code>", "所属单位代码（单位账号必填），如 commerce-bureau / unit code, required for role unit")
    .option(
      "--enterprise <creditCode>",
      "所属企业的统一社会信用代码（企业账号必填）/ the enterprise's credit code, for role enterprise",
    )
    .option("--display-name <name>", "显示名称 / display name (default: the username)")
    .option(
      "--password-stdin",
      "从标准输入读取密码；否则生成一个并只显示一次 / read the password from stdin; otherwise one is generated and shown once",
    )
    .option("--district <id>", "区县代码（库中只有一个时可省略）/ district code, optional when there is only one")
    .option("--no-must-change-password", "首次登录时不要求改密码 / do not require a new password at first login")
    .addHelpText(
      "after",
      "\n例 / Example:\n  printf '%s' 'Secret2024pass' | beizeng users create --username zhang.san --role unit --unit commerce-bureau --display-name 张三 --password-stdin",
    )
    .action(
      action(async (options: CreateOptions, command: Command) => {
        const password = options.passwordStdin ? await readStdin() : temporaryPassword();
        if (options.passwordStdin && password.length === 0)
          throw new CliError("标准输入中没有密码 / no password on stdin");
        await withDatabase(command, async (db) => {
          const districtId = await chooseDistrict(db, options.district);
          const unitId = options.unit ? await unitIdFor(db, districtId, options.unit) : null;
          const enterpriseId = options.enterprise ? await enterpriseIdFor(db, districtId, options.enterprise) : null;
          const user = await createUser(
            db,
            {
              districtId,
              username: options.username,
              displayName: options.displayName ?? options.username,
              role: options.role,
              unitId,
              enterpriseId,
              password,
              mustChangePassword: options.mustChangePassword,
            },
            cliActor(),
          );
          const affiliation = user.unit?.name ?? user.enterprise?.name;
          console.log(
            `已创建账号 / account created: ${user.username}（${user.role}${affiliation ? `，${affiliation}` : ""}），区县 ${districtId}`,
          );
          if (!options.passwordStdin) {
            console.log(`初始密码 / initial password: ${password}`);
            console.log("此密码只显示这一次 / shown only this once");
          }
          if (user.mustChangePassword) console.log("首次登录须修改密码 / a new password is required at first login");
        });
      }),
    );
}

export async function chooseDistrict(db: BeizengDb, wanted: string | undefined): Promise<string> {
  const districts = await listDistricts(db);
  if (wanted) {
    if (!districts.some((d) => d.id === wanted)) throw new CliError(`区县 ${wanted} 不存在 / no such district`);
    return wanted;
  }
  if (districts.length === 0)
    throw new CliError("数据库中还没有区县，请先载入行动方案 / no district yet: load a plan first");
  if (districts.length > 1) {
    const list = districts.map((d) => `${d.id} ${d.name}`).join("、");
    throw new CliError(`库中有多个区县（${list}），请用 --district 指定 / several districts: name one with --district`);
  }
  return districts[0]!.id;
}

async function unitIdFor(db: BeizengDb, districtId: string, code: string): Promise<number> {
  const unit = await findUnitByCode(db, districtId, code);
  if (!unit) throw new CliError(`--unit：单位代码 ${code} 不存在 / no unit with this code in district ${districtId}`);
  return unit.id;
}

async function enterpriseIdFor(db: BeizengDb, districtId: string, creditCode: string): Promise<number> {
  const code = creditCode.trim().toUpperCase();
  const { rows } = await findEnterprises(db, { districtId, q: code }, { offset: 0, limit: 5 });
  const match = rows.find((row) => row.credit_code === code);
  if (!match) throw new CliError(`--enterprise：统一社会信用代码 ${code} 的企业不存在 / no such enterprise`);
  return match.id;
}
