/**
 * The district's group robot may be 企业微信's, 钉钉's or 飞书's, and may need a signing secret (钉钉 加签, 飞书
 * 签名校验). Robots set up before were 企业微信's or 钉钉's without a secret, whose bodies were the same: they are
 * kept as 企业微信's. Frozen in time like every migration: it imports nothing from the application.
 */
import type { Kysely } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("webhook_settings")
    .addColumn("platform", "text", (column) => column.notNull().defaultTo("wecom"))
    .execute();
  await db.schema.alterTable("webhook_settings").addColumn("secret", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("webhook_settings").dropColumn("secret").execute();
  await db.schema.alterTable("webhook_settings").dropColumn("platform").execute();
}
