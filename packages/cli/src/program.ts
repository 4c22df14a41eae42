import { Command, Help } from "commander";

/**
 * Every command, as the top-level help lists it, and where its definition is. Only the command
 * being run is loaded (with the server, the database drivers, the spreadsheet reader only when it
 * needs them), so that `beizeng --help` and `beizeng rewards` do not load what they do not use;
 * `--help` checks that these lines match the commands' own definitions.
 */
const COMMANDS: readonly {
  name: string;
  /** As the help shows it beside the name (with `[options]` and arguments). */
  term: string;
  description: string;
  register: () => Promise<(program: Command) => void>;
}[] = [
  {
    name: "serve",
    term: "serve [options]",
    description: "启动网站和接口服务 / Start the web server (API and the built front end)",
    register: async () => (await import("./commands/serve")).registerServeCommand,
  },
  {
    name: "migrate",
    term: "migrate [options]",
    description: "升级数据库结构到最新版本 / Apply pending database migrations",
    register: async () => (await import("./commands/migrate")).registerMigrateCommand,
  },
  {
    name: "backup",
    term: "backup <file>",
    description: "备份 SQLite 数据库（服务运行时也可）/ Back up the SQLite database (online)",
    register: async () => (await import("./commands/backup")).registerBackupCommand,
  },
  {
    name: "restore",
    term: "restore <file>",
    description: "从备份恢复 SQLite 数据库（须先停止服务）/ Restore the SQLite database from a backup (server stopped)",
    register: async () => (await import("./commands/backup")).registerRestoreCommand,
  },
  {
    name: "plan",
    term: "plan",
    description: "计划文件 / Plan files",
    register: async () => (await import("./commands/plan")).registerPlanCommand,
  },
  {
    name: "demo",
    term: "demo [options]",
    description: "载入昌江区行动方案和演示数据 / Load the Changjiang plan and synthetic demo data",
    register: async () => (await import("./commands/demo")).registerDemoCommand,
  },
  {
    name: "setup",
    term: "setup [options]",
    description: "为已载入方案的区县创建第一个办公室账号 / Create a district's first office account",
    register: async () => (await import("./commands/setup")).registerSetupCommand,
  },
  {
    name: "users",
    term: "users",
    description: "账号 / Accounts",
    register: async () => (await import("./commands/users")).registerUsersCommand,
  },
  {
    name: "region",
    term: "region",
    description: "市级/省级区域：覆盖若干区县，只读查看 / Regions (city or province) above districts, read only",
    register: async () => (await import("./commands/region")).registerRegionCommand,
  },
  {
    name: "audit",
    term: "audit",
    description: "审计日志 / The audit log",
    register: async () => (await import("./commands/audit")).registerAuditCommand,
  },
  {
    name: "rewards",
    term: "rewards [options]",
    description: "按计划测算免申即享奖励（批量）/ Compute the reward entitlements of a batch of enterprises",
    register: async () => (await import("./commands/rewards")).registerRewardsCommand,
  },
  {
    name: "import",
    term: "import [options] <kind> <file>",
    description: "从 Excel 导入年度数据、月度数据或企业名录 / Import figures or the register from an .xlsx file",
    register: async () => (await import("./commands/import")).registerImportCommand,
  },
];

/** Global options that take a value (`--sqlite FILE`), to find the command after them. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(["--database-url", "--sqlite"]);

/**
 * The command the arguments (without node and the script) name, null when none: `beizeng --help`,
 * `beizeng`, an unknown word. `help <command>` names that command.
 */
export function commandNamed(args: readonly string[]): string | null {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) {
      index++;
      continue;
    }
    if (arg.startsWith("-")) continue;
    if (arg === "help") return commandNamed(args.slice(index + 1));
    return COMMANDS.some((command) => command.name === arg) ? arg : null;
  }
  return null;
}

/**
 * The `beizeng` command. `load` names the one command defined in full (every one with "all");
 * the others are listed by name and description, enough for the help and for commander to
 * suggest a name.
 */
export async function buildProgram(load: string | null = "all"): Promise<Command> {
  const program = new Command("beizeng")
    .description("倍增：区县工业倍增行动计划平台的运维命令 / Beizeng operator commands")
    .option("--database-url <url>", "PostgreSQL 连接串（默认读 DATABASE_URL）/ PostgreSQL URL (default: DATABASE_URL)")
    .option(
      "--sqlite <file>",
      "SQLite 文件（默认读 BEIZENG_SQLITE_FILE，否则 data/beizeng.sqlite）/ SQLite file (default: BEIZENG_SQLITE_FILE or data/beizeng.sqlite)",
    )
    .showHelpAfterError("(--help 查看用法 / for usage)");
  const listedOnly = new Map<Command, string>();
  for (const command of COMMANDS) {
    if (load === "all" || load === command.name) (await command.register())(program);
    else listedOnly.set(program.command(command.name).description(command.description), command.term);
  }
  const standard = new Help();
  program.configureHelp({
    subcommandTerm: (command: Command) => listedOnly.get(command) ?? standard.subcommandTerm(command),
  });
  return program;
}
