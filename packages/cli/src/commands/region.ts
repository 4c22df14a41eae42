import { temporaryPassword } from "@beizeng/server/capabilities/accounts/index";
import {
  addDistrictsToRegion,
  createRegion,
  createRegionAccount,
  listRegions,
  type RegionSummary,
  removeDistrictFromRegion,
} from "@beizeng/server/capabilities/regions/index";
import type { Command } from "commander";
import { action, CliError, readStdin, withDatabase } from "../cli-context";
import { cliActor } from "./users";

/** "110101,110102" → ["110101", "110102"]. */
function districtList(text: string): string[] {
  const ids = text
    .split(/[,，\s]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0)
    throw new CliError("--districts：请列出区县代码，以逗号分隔 / list district codes, comma-separated");
  return ids;
}

function describeRegion(region: RegionSummary): string {
  const districts = region.districts.map((district) => `${district.id} ${district.name}`).join("、");
  return `${region.id} ${region.name}（${region.nameEn}）：${districts}；账号 ${region.accounts} 个 / accounts`;
}

/** Regions (市/省) above districts, and their read-only accounts: the platform operator's commands. */
export function registerRegionCommand(program: Command): void {
  const region = program
    .command("region")
    .description("市级/省级区域：覆盖若干区县，只读查看 / Regions (city or province) above districts, read only");

  region
    .command("create")
    .description("创建区域 / Create a region")
    .requiredOption("--id <code>", "区域代码，如行政区划代码 110100 / region code")
    .requiredOption("--name <name>", "名称，如 景德镇市 / name")
    .option("--name-en <name>", "英文名称 / English name")
    .requiredOption("--districts <codes>", "覆盖的区县代码，逗号分隔 / district codes, comma-separated")
    .addHelpText(
      "after",
      "\n例 / Example:\n  beizeng region create --id 110100 --name 北京市 --name-en Beijing --districts 110101,110102",
    )
    .action(
      action(async (options: { id: string; name: string; nameEn?: string; districts: string }, command: Command) => {
        await withDatabase(command, async (db) => {
          const created = await createRegion(
            db,
            {
              id: options.id,
              name: options.name,
              nameEn: options.nameEn,
              districtIds: districtList(options.districts),
            },
            cliActor(),
          );
          console.log(`已创建区域 / region created: ${describeRegion(created)}`);
        });
      }),
    );

  region
    .command("add-districts")
    .description("为区域增加区县 / Add districts to a region")
    .requiredOption("--id <code>", "区域代码 / region code")
    .requiredOption("--districts <codes>", "区县代码，逗号分隔 / district codes, comma-separated")
    .action(
      action(async (options: { id: string; districts: string }, command: Command) => {
        await withDatabase(command, async (db) => {
          const changed = await addDistrictsToRegion(db, options.id, districtList(options.districts), cliActor());
          console.log(`已更新 / updated: ${describeRegion(changed)}`);
        });
      }),
    );

  region
    .command("remove-district")
    .description("从区域移出一个区县 / Remove a district from a region")
    .requiredOption("--id <code>", "区域代码 / region code")
    .requiredOption("--district <code>", "区县代码 / district code")
    .action(
      action(async (options: { id: string; district: string }, command: Command) => {
        await withDatabase(command, async (db) => {
          const changed = await removeDistrictFromRegion(db, options.id, options.district, cliActor());
          console.log(`已更新 / updated: ${describeRegion(changed)}`);
        });
      }),
    );

  region
    .command("list")
    .description("列出区域 / List regions")
    .action(
      action(async (_options: unknown, command: Command) => {
        await withDatabase(command, async (db) => {
          const regions = await listRegions(db);
          if (regions.length === 0) console.log("还没有区域 / no region yet");
          for (const found of regions) console.log(describeRegion(found));
        });
      }),
    );

  region
    .command("add-user")
    .description("创建区域的只读账号（市级/省级查看）/ Create a region's read-only account")
    .requiredOption("--id <code>", "区域代码 / region code")
    .requiredOption("--username <name>", "用户名 / username (3–40: a-z 0-9 _ . -)")
    .option("--display-name <name>", "显示名称 / display name (default: the username)")
    .option(
      "--password-stdin",
      "从标准输入读取密码；否则生成一个并只显示一次 / read the password from stdin; otherwise one is generated and shown once",
    )
    .option("--no-must-change-password", "首次登录时不要求改密码 / do not require a new password at first login")
    .action(
      action(
        async (
          options: {
            id: string;
            username: string;
            displayName?: string;
            passwordStdin?: boolean;
            mustChangePassword: boolean;
          },
          command: Command,
        ) => {
          const password = options.passwordStdin ? await readStdin() : temporaryPassword();
          if (options.passwordStdin && password.length === 0)
            throw new CliError("标准输入中没有密码 / no password on stdin");
          await withDatabase(command, async (db) => {
            const user = await createRegionAccount(
              db,
              {
                regionId: options.id,
                username: options.username,
                displayName: options.displayName ?? options.username,
                password,
                mustChangePassword: options.mustChangePassword,
              },
              cliActor(),
            );
            console.log(`已创建区域账号 / region account created: ${user.username}（区域 ${options.id}，只读）`);
            if (!options.passwordStdin) {
              console.log(`初始密码 / initial password: ${password}`);
              console.log("此密码只显示这一次 / shown only this once");
            }
          });
        },
      ),
    );
}
