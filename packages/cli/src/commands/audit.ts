import { readFileSync, writeFileSync } from "node:fs";
import {
  type AuditCheckpoint,
  type AuditLogVerification,
  checkpointJsonLine,
  checkpointLogLine,
  exportAuditCheckpoints,
  parseAuditCheckpoints,
  prepareAuditSigningKey,
  takeAuditCheckpoints,
  verifyAuditLog,
} from "@beizeng/server/platform/audit/audit-checkpoints.service";
import {
  AuditKeyError,
  auditKeyFileFor,
  loadAuditSigningKey,
  loadTrustedAuditKey,
  publicKeyPem,
  type TrustedAuditKey,
  trustedFromSigningKey,
} from "@beizeng/server/platform/audit/audit-key";
import type { Command } from "commander";
import { action, CliError, databaseConfigFor, withDatabase } from "../cli-context";

const DISTRICT_OPTION =
  "只处理一个区县（行政区划代码）/ Only one district (its six-digit administrative division code)";
const KEY_NOTE =
  "\n签名密钥 / Signing key: BEIZENG_AUDIT_KEY_FILE，否则 SQLite 文件旁（PostgreSQL 为 ./data）的 audit-signing-key.pem" +
  "\n  / BEIZENG_AUDIT_KEY_FILE, else audit-signing-key.pem next to the SQLite file (./data for PostgreSQL)";

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface VerifyOptions {
  district?: string;
  checkpoints?: string[];
  publicKey?: string[];
}

/** The keys a verification trusts: the auditor's own public keys if given, else the server's key file. */
function trustedKeys(options: VerifyOptions, command: Command): { keys: TrustedAuditKey[]; problem?: string } {
  if (options.publicKey && options.publicKey.length > 0) {
    try {
      return { keys: options.publicKey.map(loadTrustedAuditKey) };
    } catch (error) {
      throw new CliError(`无法读取公钥 / cannot read the public key: ${(error as Error).message}`);
    }
  }
  const file = auditKeyFileFor(databaseConfigFor(command));
  try {
    return { keys: [trustedFromSigningKey(loadAuditSigningKey(file))] };
  } catch (error) {
    if (!(error instanceof AuditKeyError)) throw error;
    return {
      keys: [],
      problem:
        `${error.message}。无法校验检查点的签名：密钥丢失、被移走或被替换。` +
        "审计员请用自己保存的公钥校验：beizeng audit verify --public-key <公钥文件> / " +
        "the signing key is missing or unreadable: checkpoint signatures cannot be checked; verify with --public-key",
    };
  }
}

function readCheckpointFiles(files: string[] | undefined): AuditCheckpoint[] {
  const checkpoints: AuditCheckpoint[] = [];
  for (const file of files ?? []) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new CliError(`无法读取检查点文件 / cannot read the checkpoints file ${file}: ${(error as Error).message}`);
    }
    try {
      checkpoints.push(...parseAuditCheckpoints(text, file));
    } catch (error) {
      throw new CliError(`检查点文件无效 / invalid checkpoints file: ${(error as Error).message}`);
    }
  }
  return checkpoints;
}

const MAX_PROBLEMS_SHOWN = 20;

/** The verdict's lines: the chain, every checkpoint problem (up to a limit), the key, the anchors. */
function describeVerification(result: AuditLogVerification): { lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  if (result.firstBroken) {
    const broken = result.firstBroken;
    lines.push(
      `哈希链 / hash chain: 区县 ${broken.districtId} 第 ${broken.seq} 条（id ${broken.id}）` +
        `：${broken.message}（${broken.reason}）；此前 ${result.count} 条完好 / ${result.count} entries before it verified`,
    );
  }
  for (const problem of result.problems.slice(0, MAX_PROBLEMS_SHOWN)) {
    lines.push(`检查点 / checkpoint: ${problem.message}`);
  }
  if (result.problems.length > MAX_PROBLEMS_SHOWN) {
    lines.push(`……另有 ${result.problems.length - MAX_PROBLEMS_SHOWN} 处检查点问题 / more checkpoint problems`);
  }
  if (result.keyProblem && result.checkpoints.database + result.checkpoints.file > 0) {
    lines.push(`签名密钥 / signing key: ${result.keyProblem}`);
  }
  const { database, file, verified } = result.checkpoints;
  lines.push(
    `检查点 / checkpoints: ${verified} 个签名有效且与日志相符（数据库 ${database} 个，外部副本 ${file} 个）` +
      ` / ${verified} valid (database ${database}, external copy ${file})` +
      (result.trustedKeyIds.length > 0 ? `；可信公钥指纹 / trusted key: ${result.trustedKeyIds.join(", ")}` : ""),
  );
  for (const anchor of result.anchors) {
    if (anchor.anchoredSeq === 0) continue;
    lines.push(
      `区县 ${anchor.districtId}：已锚定到第 ${anchor.anchoredSeq} 条（${anchor.anchoredAt}）` +
        (anchor.unanchored > 0
          ? `，其后 ${anchor.unanchored} 条尚未锚定 / anchored up to entry ${anchor.anchoredSeq}, ${anchor.unanchored} after it not yet`
          : ` / anchored up to its last entry ${anchor.anchoredSeq}`),
    );
  }
  return { lines, warnings: result.warnings.map((warning) => `警告 / warning: ${warning}`) };
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command("audit").description("审计日志 / The audit log");
  audit
    .command("verify")
    .description("校验审计日志的哈希链和签名检查点 / Verify the audit log's hash chain and its signed checkpoints")
    .option("--district <id>", DISTRICT_OPTION)
    .option(
      "--checkpoints <file>",
      "审计员保存的检查点副本（beizeng audit checkpoints 导出的 .jsonl 或服务器日志），可重复 / an external copy of the checkpoints (export or server log), repeatable",
      collect,
    )
    .option(
      "--public-key <file>",
      "只信任这些公钥（审计员保存的 PEM），可重复；默认用服务器的签名密钥 / trust only these public keys (PEM), repeatable; default: the server's signing key",
      collect,
    )
    .addHelpText(
      "after",
      "\n退出码 / Exit codes: 0 = 完好 intact, 1 = 有记录被改动或检查点不符 broken (the first entry that no longer matches is named)" +
        KEY_NOTE,
    )
    .action(
      action(async (options: VerifyOptions, command: Command) => {
        const external = readCheckpointFiles(options.checkpoints);
        const { keys, problem } = trustedKeys(options, command);
        await withDatabase(command, async (db) => {
          const result = await verifyAuditLog(db, {
            districtId: options.district,
            trustedKeys: keys,
            keyProblem: problem,
            external,
          });
          const { lines, warnings } = describeVerification(result);
          if (result.ok) {
            console.log(`审计日志完好 / audit log intact: ${result.count} 条记录 entries verified`);
            for (const line of lines) console.log(line);
            for (const warning of warnings) console.warn(warning);
            return;
          }
          const first = result.firstMismatch;
          const headline = first
            ? `审计日志已被改动 / audit log broken: 区县 ${first.districtId} 第 ${first.seq} 条起不再相符 / entry ${first.seq} is the first that no longer matches`
            : "审计日志校验未通过 / audit log verification failed";
          throw new CliError([headline, ...lines, ...warnings].join("\n"));
        });
      }),
    );

  audit
    .command("checkpoint")
    .description(
      "立即签署审计链的检查点（服务器每小时自动签署）/ Sign a checkpoint of the chain's head now (the server does so hourly)",
    )
    .option("--district <id>", DISTRICT_OPTION)
    .addHelpText("after", KEY_NOTE)
    .action(
      action(async (options: { district?: string }, command: Command) => {
        const file = auditKeyFileFor(databaseConfigFor(command));
        await withDatabase(command, async (db) => {
          const prepared = await prepareAuditSigningKey(db, file);
          if (prepared.created)
            console.log(`已生成审计签名密钥 / signing key created: ${file}（指纹 ${prepared.key.keyId}）`);
          for (const warning of prepared.warnings) console.warn(`警告 / warning: ${warning}`);
          const run = await takeAuditCheckpoints(db, prepared.key, { districtId: options.district });
          for (const checkpoint of run.created) {
            console.log(
              `已签署检查点 / checkpoint signed: 区县 ${checkpoint.districtId} 第 ${checkpoint.fromSeq + 1}–${checkpoint.seq} 条，` +
                `哈希 ${checkpoint.hash.slice(0, 16)}…`,
            );
            console.log(JSON.stringify({ auditCheckpoint: checkpointLogLine(checkpoint) }));
          }
          for (const done of run.upToDate) {
            console.log(`区县 ${done.districtId} 已锚定到第 ${done.seq} 条，无需新检查点 / already anchored`);
          }
          if (run.created.length + run.upToDate.length + run.refused.length === 0) {
            console.log("审计日志为空，无需检查点 / the audit log is empty");
          }
          if (run.refused.length > 0) throw new CliError(run.refused.map((refusal) => refusal.message).join("\n"));
        });
      }),
    );

  audit
    .command("checkpoints")
    .description(
      "导出签名检查点（JSON Lines），供审计员保存在服务器之外 / Export the signed checkpoints (JSON Lines) to keep off the server",
    )
    .option("--district <id>", DISTRICT_OPTION)
    .option("--out <file>", "写入文件；否则输出到标准输出 / write to this file; default: standard output")
    .action(
      action(async (options: { district?: string; out?: string }, command: Command) => {
        await withDatabase(command, async (db) => {
          const checkpoints = await exportAuditCheckpoints(db, options.district);
          const text = checkpoints.map((checkpoint) => `${checkpointJsonLine(checkpoint)}\n`).join("");
          if (!options.out) {
            process.stdout.write(text);
            return;
          }
          try {
            writeFileSync(options.out, text);
          } catch (error) {
            throw new CliError(`无法写入 / cannot write ${options.out}: ${(error as Error).message}`);
          }
          console.log(
            `已导出 ${checkpoints.length} 个检查点到 ${options.out} / ${checkpoints.length} checkpoints exported`,
          );
        });
      }),
    );

  audit
    .command("public-key")
    .description(
      "输出签名密钥的公钥（PEM），审计员用它校验、不能用它签名 / Print the signing key's public half (PEM): it verifies, it cannot sign",
    )
    .option("--out <file>", "写入文件；否则输出到标准输出 / write to this file; default: standard output")
    .addHelpText("after", KEY_NOTE)
    .action(
      action(async (options: { out?: string }, command: Command) => {
        const file = auditKeyFileFor(databaseConfigFor(command));
        let pem: string;
        let keyId: string;
        try {
          const key = loadAuditSigningKey(file);
          pem = publicKeyPem(key);
          keyId = key.keyId;
        } catch (error) {
          if (!(error instanceof AuditKeyError)) throw error;
          throw new CliError(
            `${error.message}。签名密钥在首次启动服务或执行 beizeng migrate 时生成 / the key is created by the first start or by beizeng migrate`,
          );
        }
        if (!options.out) {
          process.stdout.write(pem);
          console.warn(`公钥指纹 / key fingerprint: ${keyId}`);
          return;
        }
        try {
          writeFileSync(options.out, pem);
        } catch (error) {
          throw new CliError(`无法写入 / cannot write ${options.out}: ${(error as Error).message}`);
        }
        console.log(`已写入公钥 / public key written: ${options.out}（指纹 / fingerprint ${keyId}）`);
      }),
    );
}
