/**
 * The texts of the audit log page, in Chinese first and English second; shared/i18n/dictionary.ts gathers them.
 * The log's actions (`action.*`) and record types (`audit.entity.*`) are the domain's words (audit/vocabulary.ts),
 * which the server's export writes too.
 */
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditWord } from "@beizeng/domain/audit/vocabulary";

/** A vocabulary's words in one language, as dictionary keys under a prefix. */
function wordsUnder<Prefix extends string, Code extends string>(
  prefix: Prefix,
  words: Readonly<Record<Code, AuditWord>>,
  language: keyof AuditWord,
): Record<`${Prefix}.${Code}`, string> {
  return Object.fromEntries(
    (Object.keys(words) as Code[]).map((code) => [`${prefix}.${code}`, words[code][language]]),
  ) as Record<`${Prefix}.${Code}`, string>;
}

export const zhCN = {
  ...wordsUnder("action", AUDIT_ACTIONS, "zh"),
  ...wordsUnder("audit.entity", AUDIT_ENTITY_TYPES, "zh"),
  "audit.title": "审计日志",
  "audit.verify": "校验审计日志",
  "audit.verifyOk": "审计日志完好：哈希链完整，签名检查点与日志相符",
  "audit.verifyBroken": "校验未通过：审计日志可能被篡改",
  "audit.verifyChecked": "已校验 {count} 条记录。",
  "audit.verifyBrokenAt": "第 {seq} 条记录起不一致。",
  "audit.seq": "序号",
  "audit.at": "时间",
  "audit.actor": "操作人",
  "audit.action": "操作",
  "audit.entityType": "对象类型",
  "audit.entityId": "对象编号",
  "audit.dateRange": "日期范围",
  "audit.before": "变更前",
  "audit.after": "变更后",
  "audit.hash": "哈希",
  "audit.chainSeqGap": "序号不连续：有记录被删除或插入。",
  "audit.chainPrevHash": "与上一条记录的哈希不衔接：记录被删除、替换或重排。",
  "audit.chainHash": "内容与哈希不符：记录被修改。",
  "audit.firstMismatch": "第 {seq} 条记录起与签署时不再相符。",
  "audit.problemUnknownKey": "第 {seq} 条的检查点由未知密钥签名（指纹 {key}）：签名密钥被更换，或检查点是伪造的。",
  "audit.problemBadSignature": "第 {seq} 条的检查点签名无效：检查点被伪造或改动。",
  "audit.problemDigestsAltered": "第 {seq} 条的检查点的逐条摘要与签名不符：检查点被改动。",
  "audit.problemEntryMissing": "第 {entry} 条已不存在（第 {seq} 条的检查点签署时它在）：记录被删除。",
  "audit.problemTailMissing": "第 {entry} 条起的记录已不存在，而第 {seq} 条的检查点签署时它们都在：末尾的记录被删除。",
  "audit.problemEntryChanged": "第 {entry} 条与检查点签署时不符：该条被修改或替换后，其后的哈希被重新计算。",
  "audit.problemHeadChanged": "第 {seq} 条的哈希与检查点不符：它之前有记录被改写。",
  "audit.problemMissingInDatabase": "第 {seq} 条的检查点在外部副本中有、数据库中没有：检查点表被删改。",
  "audit.problemDiffers": "第 {seq} 条的检查点与外部副本不符：数据库中的检查点被替换。",
  "audit.problemsMore": "……另有 {count} 处问题。",
  "audit.keyMissing": "服务器未加载审计签名密钥，无法校验检查点的签名。",
  "audit.keyReplaced": "有检查点不是由当前密钥签名的：密钥被更换，或检查点是伪造的。请用审计员保存的公钥校验。",
  "audit.anchoredUpTo": "已由签名检查点锚定到第 {seq} 条（{time}）。",
  "audit.anchorPending": "其后 {count} 条等待下一个检查点（每小时签署）。",
  "audit.anchorStale":
    "最新的签名检查点（第 {seq} 条，{time}）比日志末尾早很多：其后 {count} 条记录未锚定。请确认服务在运行，或执行 beizeng audit checkpoint。",
  "audit.anchorNone": "还没有签名检查点：全部 {count} 条记录未锚定，末尾被删除或哈希被重算都无法发现。",
  "audit.exportFile": "审计日志-{stamp}.xlsx",
  "audit.exportHint": "导出 Excel 按当前筛选条件导出全部记录（最新的 2 万条以内），时间为北京时间。",
  "audit.downloadCheckpoints": "下载签名检查点",
  "audit.downloadPublicKey": "下载公钥",
  "audit.checkpointsFile": "审计检查点.jsonl",
  "audit.publicKeyFile": "审计公钥.pem",
  "audit.checkpointsHint":
    "服务器每小时用保存在数据库之外的密钥签署一次日志末尾（签名检查点）。请定期下载检查点和公钥，保存在服务器之外；审计员用 beizeng audit verify --checkpoints 检查点文件 --public-key 公钥文件 校验。",
} satisfies Record<string, string>;

export const en: Record<keyof typeof zhCN, string> = {
  ...wordsUnder("action", AUDIT_ACTIONS, "en"),
  ...wordsUnder("audit.entity", AUDIT_ENTITY_TYPES, "en"),
  "audit.title": "Audit log",
  "audit.verify": "Verify audit log",
  "audit.verifyOk": "Audit log intact: the hash chain holds and the signed checkpoints match it",
  "audit.verifyBroken": "Verification failed: the audit log may have been altered",
  "audit.verifyChecked": "{count} {count|entry|entries} checked.",
  "audit.verifyBrokenAt": "Inconsistent from entry {seq}.",
  "audit.seq": "No.",
  "audit.at": "Time",
  "audit.actor": "Actor",
  "audit.action": "Action",
  "audit.entityType": "Entity type",
  "audit.entityId": "Entity id",
  "audit.dateRange": "Date range",
  "audit.before": "Before",
  "audit.after": "After",
  "audit.hash": "Hash",
  "audit.chainSeqGap": "Sequence gap: an entry was removed or inserted.",
  "audit.chainPrevHash": "Does not link to the previous entry's hash: an entry was removed, replaced or reordered.",
  "audit.chainHash": "Content does not match its hash: the entry was edited.",
  "audit.firstMismatch": "Entry {seq} is the first that no longer matches what was signed.",
  "audit.problemUnknownKey":
    "The checkpoint at entry {seq} was signed by an unknown key ({key}): the signing key was replaced, or the checkpoint is forged.",
  "audit.problemBadSignature": "The checkpoint at entry {seq} has an invalid signature: it was forged or altered.",
  "audit.problemDigestsAltered":
    "The per-entry digests of the checkpoint at entry {seq} do not match its signature: the checkpoint was altered.",
  "audit.problemEntryMissing":
    "Entry {entry} is gone (it existed when the checkpoint at entry {seq} was signed): it was deleted.",
  "audit.problemTailMissing":
    "Entries from {entry} on are gone, though the checkpoint at entry {seq} signed them: the end of the log was deleted.",
  "audit.problemEntryChanged":
    "Entry {entry} no longer matches what was signed: it was edited or replaced and the later hashes recomputed.",
  "audit.problemHeadChanged":
    "The hash of entry {seq} does not match its checkpoint: an entry before it was rewritten.",
  "audit.problemMissingInDatabase":
    "The checkpoint at entry {seq} is in the external copy but not in the database: the checkpoint table was tampered with.",
  "audit.problemDiffers":
    "The checkpoint at entry {seq} differs from the external copy: the database's checkpoint was replaced.",
  "audit.problemsMore": "…and {count} more {count|problem|problems}.",
  "audit.keyMissing": "The server has no audit signing key loaded: checkpoint signatures cannot be checked.",
  "audit.keyReplaced":
    "Some checkpoints were not signed by the current key: the key was replaced, or the checkpoints are forged. Verify with the auditor's public key.",
  "audit.anchoredUpTo": "Anchored by signed checkpoints up to entry {seq} ({time}).",
  "audit.anchorPending": "{count} {count|entry|entries} after it await the next checkpoint (signed hourly).",
  "audit.anchorStale":
    "The newest signed checkpoint (entry {seq}, {time}) is much older than the end of the log: {count} {count|entry is|entries are} not anchored. Check that the server is running, or run beizeng audit checkpoint.",
  "audit.anchorNone":
    "No signed checkpoint yet: all {count} {count|entry is|entries are} unanchored, so a deleted end or recomputed hashes would go unnoticed.",
  "audit.exportFile": "audit-log-{stamp}.xlsx",
  "audit.exportHint":
    "Export to Excel writes every entry the current filters keep (the newest 20,000 at most), times in Beijing time.",
  "audit.downloadCheckpoints": "Download signed checkpoints",
  "audit.downloadPublicKey": "Download public key",
  "audit.checkpointsFile": "audit-checkpoints.jsonl",
  "audit.publicKeyFile": "audit-public-key.pem",
  "audit.checkpointsHint":
    "Every hour the server signs the end of the log with a key kept outside the database (a signed checkpoint). Download the checkpoints and the public key regularly and keep them off the server; an auditor verifies with beizeng audit verify --checkpoints <file> --public-key <file>.",
};
