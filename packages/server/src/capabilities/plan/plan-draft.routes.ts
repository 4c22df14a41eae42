import { PlanDraftFormSchema, PlanDraftSchema } from "@beizeng/contract/plan-draft";
import type { FastifyInstance } from "fastify";
import { currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { badRequest } from "../../platform/errors";
import { readMultipartUpload } from "../../platform/files/multipart-upload";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { MAX_DOCUMENT_BYTES } from "./document-text";
import { draftFromDocument } from "./plan-draft.service";

export async function planDraftRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  /** The office uploads an issued document and gets a draft plan file back; nothing is stored. */
  app.post(
    "/api/plan/drafts",
    {
      config: {
        permission: "plan.manage",
        request: { body: { multipart: PlanDraftFormSchema } },
        response: PlanDraftSchema,
      },
    },
    async (request) => {
      const upload = await readMultipartUpload(
        request,
        { file: { label: "发文原文", maxFiles: 1, maxBytes: MAX_DOCUMENT_BYTES, required: true } },
        "起草方案",
      );
      const [file] = upload.files.file ?? [];
      if (!file) throw badRequest("起草方案：请选择发文原文（.txt 或 .docx）");
      const base = (await readActivePlan(db, currentUser(request).districtId))?.plan;
      return draftFromDocument(file.bytes, file.fileName, base);
    },
  );
}
