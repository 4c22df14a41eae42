/**
 * `beizeng setup --username U`: the first office account of a district that has its plan but no office
 * yet, with a one-time password that must be changed at first login. The office then creates the others.
 */
import { createUser, temporaryPassword } from "@beizeng/server/capabilities/accounts/index";
import type { BeizengDb } from "@beizeng/server/platform/db/database";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import type { Command } from "commander";
import { action, CliError, withDatabase } from "../cli-context";
import { chooseDistrict, cliActor } from "./users";

export function registerSetupCommand(program: Command): void {
  program
    .command("setup")
    .description("为已载入方案的区县创建第一个办公室账号 / Create a district's first office account")
    .requiredOption("--username <name>", "用户名 / username (3–40: a-z 0-9 _ . -)")
    .option("--display-name <name>", "显示名称 / display name (default: the username)")
    .option("--district <id>", "区县代码（库中只有一个时可省略）/ district code, optional when there is only one")
    .addHelpText("after", "\n先载入方案 / load the plan first: beizeng plan load FILE")
    .action(
      action(async (options: { username: string; displayName?: string; district?: string }, command: Command) => {
        await withDatabase(command, async (db) => {
          await migrateToLatest(db);
          const districtId = await chooseDistrict(db, options.district);
          await createFirstOffice(db, { districtId, username: options.username, displayName: options.displayName });
        });
      }),
    );
}

/** Creates the district's first office account; refused when the district already has one. */
export async function createFirstOffice(
  db: BeizengDb,
  input: { districtId: string; username: string; displayName?: string },
): Promise<void> {
  const existing = await db.kysely
    .selectFrom("users")
    .select("username")
    .where("district_id", "=", input.districtId)
    .where("role", "=", "office")
    .executeTakeFirst();
  if (existing) {
    throw new CliError(
      `区县 ${input.districtId} 已有办公室账号 ${existing.username}；其他账号请由办公室在“账号管理”中创建，或用 beizeng users create / this district already has an office account`,
    );
  }
  const password = temporaryPassword();
  const user = await createUser(
    db,
    {
      districtId: input.districtId,
      username: input.username,
      displayName: input.displayName ?? input.username,
      role: "office",
      unitId: null,
      enterpriseId: null,
      password,
      mustChangePassword: true,
    },
    cliActor(),
  );
  console.log(`已创建办公室账号 / office account created: ${user.username}（区县 ${input.districtId}）`);
  console.log(`一次性密码 / one-time password: ${password}`);
  console.log("此密码只显示这一次，首次登录须修改 / shown only this once; a new password is required at first login");
}
