import { existsSync } from "node:fs";
import path from "node:path";
import { type DemoLogin, databaseIsEmpty, loadDemo } from "@beizeng/server/demo/load-demo";
import { DEFAULT_WEB_ROOT, startServer } from "@beizeng/server/main";
import { type Command, InvalidArgumentError } from "commander";
import { action, CliError, databaseConfigFor, describeDatabase } from "../cli-context";
import { formatDemoLogins } from "../demo-logins";

interface ServeOptions {
  port: number;
  host: string;
  demoIfEmpty?: boolean;
  webRoot: string;
  log?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError("端口须为 0–65535 的整数 / not a port");
  return port;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("启动网站和接口服务 / Start the web server (API and the built front end)")
    .option("--port <port>", "端口 / port (env PORT)", parsePort, Number(process.env.PORT ?? 3000))
    .option("--host <host>", "监听地址 / address to listen on (env HOST)", process.env.HOST ?? "127.0.0.1")
    .option(
      "--demo-if-empty",
      "数据库为空时载入昌江区方案和演示数据 / load the Changjiang plan and demo data into an empty database",
    )
    .option("--web-root <dir>", "前端构建目录 / the built front end", DEFAULT_WEB_ROOT)
    .option("--log", "输出请求日志（JSON）/ log requests as JSON lines")
    .addHelpText("after", "\n数据库迁移在启动时自动执行 / pending migrations are applied at start.")
    .action(
      action(async (options: ServeOptions, command: Command) => {
        const config = databaseConfigFor(command);
        const webRoot = path.resolve(options.webRoot);
        if (!existsSync(path.join(webRoot, "index.html"))) {
          console.warn(
            `提示 / note: ${webRoot} 中没有构建好的前端（npm run build），只提供接口 / no built front end: API only`,
          );
        }
        let demoLogins: DemoLogin[] | null = null;
        const server = await startServer({
          db: config,
          host: options.host,
          port: options.port,
          webRoot,
          logger: options.log === true,
          // The dashboards' answers in a thread of their own: this command's script, run again there.
          answersWorker: process.argv[1] ? { script: process.argv[1], execArgv: process.execArgv } : undefined,
          beforeListen: async (db) => {
            if (!options.demoIfEmpty || !(await databaseIsEmpty(db))) return;
            const outcome = await loadDemo(db);
            if (outcome.status === "refused") throw new CliError(outcome.reason);
            demoLogins = outcome.logins;
          },
        });
        const url = server.url.replace("://[::1]", "://localhost");
        console.log(`倍增 Beizeng · ${describeDatabase(config)}`);
        if (demoLogins) {
          console.log("数据库为空，已载入昌江区行动方案和演示数据 / empty database: plan and demo data loaded");
          console.log(formatDemoLogins(demoLogins, url));
        }
        console.log(`服务已启动 / listening on ${url}  (Ctrl+C 停止 / to stop)`);

        let stopping = false;
        const stop = async (signal: string) => {
          if (stopping) return;
          stopping = true;
          console.log(`\n${signal}: 正在停止 / stopping`);
          await server.close();
          process.exit(0);
        };
        process.once("SIGINT", () => void stop("SIGINT"));
        process.once("SIGTERM", () => void stop("SIGTERM"));
      }),
    );
}
