/**
 * The official calendar (节假日与调休安排): read by those who follow limits, kept by the office — a day at a time, a
 * year from the template or pasted, exported as .xlsx.
 */
import {
  OfficialCalendarQuerySchema,
  OfficialCalendarSchema,
  OfficialDayDeletedSchema,
  OfficialDayInputSchema,
  OfficialDaySchema,
  OfficialYearImportedSchema,
  OfficialYearImportFieldsSchema,
  OfficialYearImportFormSchema,
  OfficialYearParamsSchema,
  OfficialYearPasteSchema,
} from "@beizeng/contract/calendar";
import { parseOfficialDayLines } from "@beizeng/domain/calendar/official-calendar";
import type { FastifyInstance } from "fastify";
import { actorOf, currentUser } from "../../platform/auth/request-context";
import type { DbContext } from "../../platform/db/database";
import { badRequest } from "../../platform/errors";
import { CONTENT_TYPES, sendDownload } from "../../platform/files/downloads";
import { MAX_WORKBOOK_BYTES, readMultipartUpload } from "../../platform/files/multipart-upload";
import { idParamSchema, parseInput } from "../../platform/http/validation";
import { checkWorkbookArchive, WorkbookReadError } from "../../platform/spreadsheets/workbook-archive";
import {
  createOfficialDay,
  deleteOfficialDay,
  importOfficialYear,
  officialCalendar,
  updateOfficialDay,
} from "./calendar.service";
import { exportOfficialCalendar, officialCalendarTemplate, readOfficialYearWorkbook } from "./calendar-workbook";

export async function calendarRoutes(app: FastifyInstance, opts: { db: DbContext }) {
  const { db } = opts;

  app.get(
    "/api/calendar",
    {
      config: {
        request: { query: OfficialCalendarQuerySchema },
        permission: "calendar.read",
        response: OfficialCalendarSchema,
      },
    },
    async (request) => {
      const { year } = parseInput(OfficialCalendarQuerySchema, request.query, "节假日安排");
      return officialCalendar(db, currentUser(request), year);
    },
  );
  app.get(
    "/api/calendar/export",
    { config: { request: { query: OfficialCalendarQuerySchema }, permission: "calendar.read", response: "file" } },
    async (request, reply) => {
      const { year } = parseInput(OfficialCalendarQuerySchema, request.query, "导出节假日安排");
      const body = await exportOfficialCalendar(db, currentUser(request), year);
      const fileName = year === undefined ? "节假日与调休安排.xlsx" : `${year}年节假日与调休安排.xlsx`;
      return sendDownload(reply, {
        fileName,
        asciiName: "official-calendar.xlsx",
        contentType: CONTENT_TYPES.xlsx,
        body,
      });
    },
  );
  app.get(
    "/api/calendar/template",
    { config: { permission: "calendar.manage", response: "file" } },
    async (_request, reply) =>
      sendDownload(reply, {
        fileName: "节假日安排导入模板.xlsx",
        asciiName: "official-calendar-template.xlsx",
        contentType: CONTENT_TYPES.xlsx,
        body: await officialCalendarTemplate(),
      }),
  );

  app.post(
    "/api/calendar/days",
    {
      config: { request: { body: OfficialDayInputSchema }, permission: "calendar.manage", response: OfficialDaySchema },
    },
    async (request, reply) => {
      const input = parseInput(OfficialDayInputSchema, request.body, "新增节假日安排");
      return reply.code(201).send(await createOfficialDay(db, currentUser(request), input, actorOf(request)));
    },
  );
  app.put(
    "/api/calendar/days/:id",
    {
      config: {
        request: { params: idParamSchema, body: OfficialDayInputSchema },
        permission: "calendar.manage",
        response: OfficialDaySchema,
      },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      const input = parseInput(OfficialDayInputSchema, request.body, "修改节假日安排");
      return updateOfficialDay(db, currentUser(request), id, input, actorOf(request));
    },
  );
  app.delete(
    "/api/calendar/days/:id",
    {
      config: { request: { params: idParamSchema }, permission: "calendar.manage", response: OfficialDayDeletedSchema },
    },
    async (request) => {
      const { id } = parseInput(idParamSchema, request.params);
      return deleteOfficialDay(db, currentUser(request), id, actorOf(request));
    },
  );

  // A year's list pasted from the notice: it replaces the year's days.
  app.put(
    "/api/calendar/years/:year",
    {
      config: {
        request: { params: OfficialYearParamsSchema, body: OfficialYearPasteSchema },
        permission: "calendar.manage",
        response: OfficialYearImportedSchema,
      },
    },
    async (request) => {
      const { year } = parseInput(OfficialYearParamsSchema, request.params);
      const { source, text } = parseInput(OfficialYearPasteSchema, request.body, `录入${year}年节假日安排`);
      const { days, problems } = parseOfficialDayLines(text, year, source);
      return importOfficialYear(
        db,
        currentUser(request),
        { year, source, days, problems, from: "粘贴清单" },
        actorOf(request),
      );
    },
  );

  // A year from the template: it replaces the year's days.
  app.post(
    "/api/calendar/years/:year/import",
    {
      config: {
        request: { params: OfficialYearParamsSchema, body: { multipart: OfficialYearImportFormSchema } },
        permission: "calendar.manage",
        response: OfficialYearImportedSchema,
      },
    },
    async (request) => {
      const { year } = parseInput(OfficialYearParamsSchema, request.params);
      const what = `导入${year}年节假日安排`;
      const upload = await readMultipartUpload(
        request,
        { file: { label: "导入文件", maxFiles: 1, maxBytes: MAX_WORKBOOK_BYTES, required: true } },
        what,
      );
      const { source } = parseInput(OfficialYearImportFieldsSchema, upload.fields, what);
      const [file] = upload.files.file ?? [];
      if (!file) throw badRequest(`${what}：请选择要上传的文件`);
      let read: Awaited<ReturnType<typeof readOfficialYearWorkbook>>;
      try {
        await checkWorkbookArchive(file.bytes);
        read = await readOfficialYearWorkbook(file.bytes, year, source);
      } catch (error) {
        if (!(error instanceof WorkbookReadError)) throw error;
        throw badRequest(`无法读取文件「${file.fileName}」：${error.message}`);
      }
      const { days, problems } = read;
      return importOfficialYear(
        db,
        currentUser(request),
        { year, source, days, problems, from: file.fileName.slice(0, 200) },
        actorOf(request),
      );
    },
  );
}
