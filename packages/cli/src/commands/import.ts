import { stat } from "node:fs/promises";
import {
  applyImport,
  describeImportResult,
  formatImportError,
  IMPORT_KINDS,
  type ImportKind,
  type ImportResult,
  type ImportRunOptions,
  listDistricts,
  MONEY_UNITS,
  type MoneyUnit,
  previewImport,
} from "@beizeng/server/capabilities/figures/index";
import { type Command, InvalidArgumentError } from "commander";
import {
  action,
  CliError,
  databaseConfigFor,
  describeDatabase,
  EXIT_INVALID_INPUT,
  withDatabase,
} from "../cli-context";

interface ImportCommandOptions {
  unit?: MoneyUnit;
  dryRun?: boolean;
  district?: string;
  year?: number;
  month?: number;
  registerEnterprises?: boolean;
}

function parseKind(value: string): ImportKind {
  if ((IMPORT_KINDS as readonly string[]).includes(value)) return value as ImportKind;
  throw new InvalidArgumentError(`应为 annual（年度数据）、monthly（月度数据）或 register（企业名录）`);
}

function parseUnit(value: string): MoneyUnit {
  if ((MONEY_UNITS as readonly string[]).includes(value)) return value as MoneyUnit;
  throw new InvalidArgumentError(`金额单位应为 ${MONEY_UNITS.join("、")} 之一`);
}

function parseWhole(min: number, max: number, what: string) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`${what}应为 ${min}–${max} 的整数`);
    }
    return number;
  };
}

/** The lines the operator reads: how the file was understood, then the outcome. */
function report(result: ImportResult): string[] {
  const lines: string[] = [];
  if (result.layout) {
    const units = Object.entries(result.layout.units)
      .filter(([, unit]) => unit !== "人")
      .map(([field, unit]) => `${field}=${unit}`);
    lines.push(
      `表头在第 ${result.layout.headerRow} 行；导入的列：${result.layout.columns.map((c) => `${c.letter}「${c.header}」`).join(" ")}`,
    );
    if (units.length > 0) lines.push(`金额单位：${units.join("，")}`);
    if (result.layout.ignoredHeaders.length > 0) lines.push(`未导入的列：${result.layout.ignoredHeaders.join("、")}`);
  }
  lines.push(describeImportResult(result));
  if (result.unregistered) lines.push(...registrations(result));
  return lines;
}

const REGISTRATIONS_LISTED = 20;

/** The enterprises registered from the file (or, in a dry run, to be): row, code, name, chain and town. */
function registrations(result: ImportResult): string[] {
  const { total, enterprises } = result.unregistered ?? { total: 0, enterprises: [] };
  const lines = [
    result.written ? `从文件登记了 ${total} 家企业：` : `将从文件登记 ${total} 家不在企业名录中的企业：`,
    ...enterprises
      .slice(0, REGISTRATIONS_LISTED)
      .map(
        (enterprise) =>
          `  第${enterprise.row}行 ${enterprise.creditCode} ${enterprise.name}（产业链：${enterprise.chain.name}` +
          `${enterprise.industryCode ? `，行业代码 ${enterprise.industryCode}` : ""}` +
          `${enterprise.town ? `，所属乡镇 ${enterprise.town.name}` : ""}）`,
      ),
  ];
  if (total > REGISTRATIONS_LISTED) lines.push(`  …另有 ${total - REGISTRATIONS_LISTED} 家未列出`);
  return lines;
}

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("从 Excel 导入年度数据、月度数据或企业名录 / Import figures or the register from an .xlsx file")
    .argument("<kind>", "annual（年度数据）| monthly（月度数据）| register（企业名录）", parseKind)
    .argument("<file>", ".xlsx 文件 / the .xlsx file")
    .option(
      "--unit <unit>",
      "文件未写明时的金额单位：万元（默认）、千元、元 / Unit of amounts when the file does not say",
      parseUnit,
    )
    .option("--dry-run", "只检查并列出将要发生的变化，不写入 / Check and list the changes, write nothing")
    .option("--district <id>", "导入到哪个区县（行政区划代码；数据库只有一个区县时可省略）/ Target district")
    .option(
      "--year <year>",
      "文件没有年份列时，所有行的年份 / Year of every row when the file has none",
      parseWhole(1990, 2099, "年份"),
    )
    .option(
      "--month <month>",
      "文件没有月份列时，所有行的月份 / Month of every row when the file has none",
      parseWhole(1, 12, "月份"),
    )
    .option(
      "--register-enterprises",
      "年度、月度数据中不在企业名录的企业，从文件登记（名称、行业代码 → 产业链、所属乡镇），与数据同一事务写入 / Register the enterprises the figures file names that are not in the register, with their figures",
    )
    .addHelpText(
      "after",
      [
        "",
        "全部或全不：文件中只要有一处错误，就不写入任何数据，并按行号列出所有错误。",
        "同一文件导入两次，第二次不会改变任何数据。",
        "不加 --register-enterprises 时，企业名录中没有的企业逐行报错，不写入任何数据。",
        "All or nothing: one bad row and nothing is written; every error is listed with its row number.",
        "Without --register-enterprises, each row of an enterprise not in the register is an error.",
        "",
        "退出码 / Exit codes: 0 = 已导入（或 --dry-run 检查通过）imported / would import, 2 = 文件有错误 errors in the file, 1 = 其他失败 other failure",
      ].join("\n"),
    )
    .action(
      action(async (kind: ImportKind, file: string, options: ImportCommandOptions, command: Command) => {
        try {
          const info = await stat(file);
          if (!info.isFile()) throw new Error("not a file");
        } catch {
          throw new CliError(`无法读取文件：${file}`, EXIT_INVALID_INPUT);
        }
        const where = describeDatabase(databaseConfigFor(command));
        await withDatabase(command, async (db) => {
          const districts = await listDistricts(db).catch(() => {
            throw new CliError(`${where}: 数据库尚未初始化，请先运行 beizeng migrate 并载入行动方案`);
          });
          let districtId = options.district;
          if (districtId === undefined) {
            if (districts.length !== 1) {
              throw new CliError(
                districts.length === 0
                  ? `${where}: 数据库中还没有区县，请先载入行动方案（beizeng plan load）`
                  : `数据库中有 ${districts.length} 个区县（${districts.map((d) => `${d.id} ${d.name}`).join("，")}），请用 --district 指定`,
              );
            }
            districtId = (districts[0] as { id: string }).id;
          } else if (!districts.some((d) => d.id === districtId)) {
            throw new CliError(`数据库中没有区县 ${districtId}`);
          }
          if (options.registerEnterprises && kind === "register") {
            throw new CliError(
              "--register-enterprises 只用于年度、月度数据：企业名录文件本身就登记企业",
              EXIT_INVALID_INPUT,
            );
          }
          const showProgress = process.stderr.isTTY === true;
          const runOptions: ImportRunOptions = {
            actor: { userId: null, label: "cli" },
            ...(options.unit ? { unit: options.unit } : {}),
            ...(options.year !== undefined ? { year: options.year } : {}),
            ...(options.month !== undefined ? { month: options.month } : {}),
            ...(options.registerEnterprises ? { registerUnknown: true } : {}),
            ...(showProgress
              ? {
                  onProgress: (rows: number) => {
                    if (rows % 10_000 === 0) process.stderr.write(`\r已读取 ${rows} 行…`);
                  },
                }
              : {}),
          };
          const run = options.dryRun ? previewImport : applyImport;
          const result = await run(db, districtId, kind, file, runOptions);
          if (showProgress) process.stderr.write("\r");
          const lines = report(result);
          if (result.summary.errors === 0) {
            console.log(lines.join("\n"));
            return;
          }
          const errors = result.errors.map((error) => `  ${formatImportError(error)}`);
          const unlisted = result.summary.errors - result.errors.length;
          if (unlisted > 0) errors.push(`  …另有 ${unlisted} 处错误未列出`);
          // The import's own wording of a row whose enterprise the register lacks: name the option that helps.
          if (
            !options.registerEnterprises &&
            result.errors.some((error) => error.message.startsWith("企业名录中没有"))
          ) {
            errors.push("文件中的企业尚未登记时，可加 --register-enterprises 从文件登记（与数据一并写入）");
          }
          throw new CliError([...lines, ...errors].join("\n"), EXIT_INVALID_INPUT);
        });
      }),
    );
}
