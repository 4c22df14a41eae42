/**
 * Files sent as multipart/form-data to the routes that take them: a request's attachment, a progress report's
 * evidence, a project workbook and a figures workbook. Too large → 413 in Chinese, not a form → 415, no file →
 * 400 naming the field; a client that stops mid-upload leaves nothing written.
 */
import { createHash } from "node:crypto";
import { connect } from "node:net";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSuite, loginAs, type SeededWorld, type Session, seededApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "../db/database";
import { MAX_FILE_BYTES } from "./stored-files";

const PDF = Buffer.from("%PDF-1.4\n% a signed agreement\n%%EOF\n");

/** A form as a browser sends it: the body's bytes and its content type with the boundary. */
async function multipart(
  fields: Record<string, string>,
  files: { field: string; name: string; bytes: Buffer; type?: string }[],
): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(file.field, new Blob([file.bytes], { type: file.type ?? "application/octet-stream" }), file.name);
  }
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get("content-type") ?? "",
  };
}

describe.each(testDatabases())("multipart uploads on $name", (database) => {
  let db: BeizengDb | undefined;
  let app: FastifyInstance | undefined;
  let world: SeededWorld;
  let enterprise: Session;
  let office: Session;
  let unit: Session;
  let requestId: number;

  const inject = (options: InjectOptions) => (app as FastifyInstance).inject(options);
  const attachmentsOf = async (id: number): Promise<{ id: number; fileName: string }[]> =>
    (await inject({ url: `/api/enterprise-requests/${id}`, headers: enterprise.headers })).json().attachments;
  const sendForm = async (session: Session, url: string, form: { payload: Buffer; contentType: string }) =>
    inject({
      method: "POST",
      url,
      headers: { ...session.headers, "content-type": form.contentType },
      payload: form.payload,
    });

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    enterprise = await loginAs(app, "enterprise-a");
    office = await loginAs(app, "office-a");
    unit = await loginAs(app, "unit-a");
    const submitted = await inject({
      method: "POST",
      url: "/api/enterprise-requests",
      headers: enterprise.headers,
      payload: {
        category: "approval",
        title: "厂房扩建规划许可办理",
        content: "二期厂房扩建需办理建设工程规划许可证，请协调加快审批。",
        contactName: "张经理",
        contactPhone: "0798-8888888",
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    requestId = submitted.json().id;
  });
  afterAll(() => closeSuite(app, db));

  it("stores an attachment sent as a form, byte for byte, with its checksum checked", async () => {
    const url = `/api/enterprise-requests/${requestId}/attachments`;
    const sha256 = createHash("sha256").update(PDF).digest("hex");
    const wrongSum = await sendForm(
      enterprise,
      url,
      await multipart({ sha256: "0".repeat(64) }, [{ field: "file", name: "合同.pdf", bytes: PDF }]),
    );
    expect(wrongSum.statusCode).toBe(400);
    expect(wrongSum.json().error.message).toContain("校验值不符");

    const stored = await sendForm(
      enterprise,
      url,
      await multipart({ sha256 }, [{ field: "file", name: "签约合同.pdf", bytes: PDF, type: "application/pdf" }]),
    );
    expect(stored.statusCode, stored.body).toBe(201);
    const attachments = await attachmentsOf(requestId);
    expect(attachments.map((a) => a.fileName)).toEqual(["签约合同.pdf"]);
    const download = await inject({
      url: `/api/enterprise-request-attachments/${attachments[0]?.id}`,
      headers: enterprise.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it("refuses a file over the limit with 413 in Chinese, and writes nothing", async () => {
    const before = await attachmentsOf(requestId);
    const big = Buffer.concat([PDF.subarray(0, 9), Buffer.alloc(MAX_FILE_BYTES + 1024, 0x20), Buffer.from("%%EOF\n")]);
    const refused = await sendForm(
      enterprise,
      `/api/enterprise-requests/${requestId}/attachments`,
      await multipart({}, [{ field: "file", name: "扫描件.pdf", bytes: big }]),
    );
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error).toMatchObject({ code: "payload_too_large" });
    expect(refused.json().error.message).toContain("附件「扫描件.pdf」超过 10 MB 的上限");
    expect(await attachmentsOf(requestId)).toEqual(before);
  });

  it("refuses what is not a form, a form without its file, and a file in an unknown field", async () => {
    const url = `/api/enterprise-requests/${requestId}/attachments`;
    const plain = await inject({
      method: "POST",
      url,
      headers: { ...enterprise.headers, "content-type": "text/plain" },
      payload: "hello",
    });
    expect(plain.statusCode).toBe(415);
    expect(plain.json().error).toMatchObject({ code: "unsupported_media_type" });
    expect(plain.json().error.message).toContain("请以 multipart/form-data 表单上传文件（文件字段 file）");

    const empty = await sendForm(enterprise, url, await multipart({ sha256: "a".repeat(64) }, []));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("请选择要上传的附件（表单字段 file）");

    const elsewhere = await sendForm(
      enterprise,
      url,
      await multipart({}, [{ field: "document", name: "合同.pdf", bytes: PDF }]),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.message).toContain("不接受文件字段 document");

    const workbook = await sendForm(office, "/api/imports", await multipart({ kind: "monthly" }, []));
    expect(workbook.statusCode).toBe(400);
    expect(workbook.json().error.message).toContain("请选择要上传的导入文件（表单字段 file）");
  });

  it("writes nothing when the client stops sending mid-upload", async () => {
    const before = await attachmentsOf(requestId);
    const address = await (app as FastifyInstance).listen({ host: "127.0.0.1", port: 0 });
    const port = Number(new URL(address).port);
    const form = await multipart({}, [{ field: "file", name: "半截.pdf", bytes: Buffer.alloc(256 * 1024, 0x41) }]);
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host: "127.0.0.1", port }, () => {
        socket.write(
          [
            `POST /api/enterprise-requests/${requestId}/attachments HTTP/1.1`,
            "Host: 127.0.0.1",
            `Cookie: ${enterprise.headers.cookie}`,
            `X-CSRF-Token: ${enterprise.headers["x-csrf-token"]}`,
            `Content-Type: ${form.contentType}`,
            `Content-Length: ${form.payload.length}`,
            "",
            "",
          ].join("\r\n"),
        );
        // Half the form, then the connection is dropped, as when a browser tab is closed mid-upload.
        socket.write(form.payload.subarray(0, form.payload.length / 2), () => {
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 200);
        });
      });
      socket.on("error", reject);
    });
    // The server notices the closed connection and gives up the request; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await attachmentsOf(requestId)).toEqual(before);
  });

  it("takes a progress report with its evidence as a form", async () => {
    expect((await inject({ method: "POST", url: "/api/tasks/seed", headers: office.headers })).statusCode).toBe(200);
    const mine = (await inject({ url: "/api/tasks", headers: unit.headers })).json();
    const task = (mine.items as { id: number; cycle: string; ownerUnit: { id: number } }[]).find(
      (item) => item.ownerUnit.id === world.unitA && item.cycle === "once",
    );
    expect(task).toBeDefined();
    const url = `/api/tasks/${task?.id}/reports`;
    const unknownField = await sendForm(
      unit,
      url,
      await multipart({ period: "once", content: "已签约", extra: "x" }, []),
    );
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.message).toContain("extra");

    const created = await sendForm(
      unit,
      url,
      await multipart({ period: "once", content: "已签约两个项目", quantity: "2" }, [
        { field: "attachments", name: "签约合同.pdf", bytes: PDF },
        { field: "attachments", name: "说明.txt", bytes: Buffer.from("签约仪式说明") },
      ]),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      "签约合同.pdf",
      "说明.txt",
    ]);
  });

  it("reads a project workbook sent as a form, checking it only when asked", async () => {
    const template = await inject({ url: "/api/projects/export?template=1", headers: office.headers });
    expect(template.statusCode).toBe(200);
    const checked = await sendForm(
      office,
      "/api/projects/import",
      await multipart({ dryRun: "true" }, [{ field: "file", name: "项目库.xlsx", bytes: template.rawPayload }]),
    );
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toHaveProperty("ok");
    const notWorkbook = await sendForm(
      office,
      "/api/projects/import",
      await multipart({ dryRun: "maybe" }, [{ field: "file", name: "项目库.xlsx", bytes: template.rawPayload }]),
    );
    expect(notWorkbook.statusCode).toBe(400);
    expect(notWorkbook.json().error.message).toContain("dryRun");
  });
});
