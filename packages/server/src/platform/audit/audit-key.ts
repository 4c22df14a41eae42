/**
 * The Ed25519 key that signs the audit log's checkpoints. It lives in a file outside the database it
 * protects (owner-only, mode 0600): whoever can rewrite the database but not read this file cannot
 * sign a checkpoint, and an auditor holding the public half verifies without being able to forge.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type DatabaseConfig, DEFAULT_SQLITE_FILE } from "../db/database";

export const AUDIT_KEY_FILE_NAME = "audit-signing-key.pem";

/** The private key, with its public half and fingerprint. */
export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  file: string;
}

/** A public key a verifier trusts, and where it came from (for messages). */
export interface TrustedAuditKey {
  publicKey: KeyObject;
  keyId: string;
  source: string;
}

/** Why a key could not be had, said in Chinese with the path. */
export class AuditKeyError extends Error {
  constructor(
    readonly kind: "missing" | "unreadable" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "AuditKeyError";
  }
}

/**
 * BEIZENG_AUDIT_KEY_FILE when set; otherwise next to the SQLite file; for PostgreSQL in the data
 * directory (./data, where the SQLite file would be).
 */
export function auditKeyFileFor(config: DatabaseConfig, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.BEIZENG_AUDIT_KEY_FILE?.trim();
  if (configured) return path.resolve(configured);
  const sqliteFile = config.url ? undefined : (config.sqliteFile ?? DEFAULT_SQLITE_FILE);
  const dataDir =
    sqliteFile && sqliteFile !== ":memory:"
      ? path.dirname(path.resolve(sqliteFile))
      : path.dirname(path.resolve(DEFAULT_SQLITE_FILE));
  return path.join(dataDir, AUDIT_KEY_FILE_NAME);
}

/** The first 16 hex digits of sha256 over the public key (SubjectPublicKeyInfo DER). */
export function auditKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ format: "der", type: "spki" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

export function publicKeyPem(key: { publicKey: KeyObject }): string {
  return key.publicKey.export({ format: "pem", type: "spki" }).toString();
}

/** Reads the private key file; throws AuditKeyError saying what is wrong with it. */
export function loadAuditSigningKey(file: string): AuditSigningKey {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new AuditKeyError("missing", `审计签名密钥文件不存在：${file}`);
    throw new AuditKeyError("unreadable", `无法读取审计签名密钥文件 ${file}：${(error as Error).message}`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new AuditKeyError("invalid", `审计签名密钥文件 ${file} 不是有效的私钥（PEM）`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new AuditKeyError("invalid", `审计签名密钥文件 ${file} 不是 Ed25519 私钥`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: auditKeyId(publicKey), file };
}

/** Reads a public key (PEM) an auditor keeps; a private key file is accepted too (its public half is used). */
export function loadTrustedAuditKey(file: string): TrustedAuditKey {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new AuditKeyError("missing", `公钥文件不存在：${file}`);
    throw new AuditKeyError("unreadable", `无法读取公钥文件 ${file}：${(error as Error).message}`);
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(pem);
  } catch {
    throw new AuditKeyError("invalid", `公钥文件 ${file} 不是有效的公钥（PEM）`);
  }
  if (publicKey.asymmetricKeyType !== "ed25519") {
    throw new AuditKeyError("invalid", `公钥文件 ${file} 不是 Ed25519 公钥`);
  }
  return { publicKey, keyId: auditKeyId(publicKey), source: file };
}

export function trustedFromSigningKey(key: AuditSigningKey): TrustedAuditKey {
  return { publicKey: key.publicKey, keyId: key.keyId, source: key.file };
}

/**
 * The key file, created with owner-only rights when it does not exist yet (first start, `beizeng
 * migrate`). Two processes starting at once: the exclusive create lets one write it and the other read it.
 */
export function openOrCreateAuditSigningKey(file: string): {
  key: AuditSigningKey;
  created: boolean;
  warnings: string[];
} {
  const warnings: string[] = [];
  let created = false;
  try {
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new AuditKeyError("unreadable", `无法创建审计签名密钥文件 ${file}：${(error as Error).message}`);
    }
  }
  const key = loadAuditSigningKey(file);
  if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0) {
    warnings.push(`审计签名密钥文件 ${file} 可被其他用户读取，应只允许所有者读写（chmod 600）`);
  }
  return { key, created, warnings };
}

/**
 * The key a running server signs with, looked up by the database handle its routes receive (the
 * verify route checks the checkpoints with its public half).
 */
const keysByDatabase = new WeakMap<object, AuditSigningKey>();

export function attachAuditSigningKey(db: object, key: AuditSigningKey): void {
  keysByDatabase.set(db, key);
}

export function attachedAuditSigningKey(db: object): AuditSigningKey | undefined {
  return keysByDatabase.get(db);
}
