/**
 * Pieces every part of the contract uses: amounts, dates and identifiers as they travel in JSON.
 * Money travels as the decimal text of its integer fen (JSON has no integer wide enough), never as a float.
 */
import type { NoteParams } from "@beizeng/domain/notes/messages";
import { z } from "zod";

/** An amount in fen as decimal text: "123456" is 1,234.56 元. */
export const FenText = z.string().regex(/^-?\d+$/, "金额应为以分计的整数文本");

/** A moment as ISO 8601 text (UTC), as the server stores and sends it. */
export const Timestamp = z.string().min(1);

/** A calendar day, "YYYY-MM-DD". */
export const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");

/** The page / pageSize query parameters of a list, with sane bounds (a list request spreads them in). */
export const pageQueryFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};

/** One page of a list as the server answers it: the items, how many there are in all, and which page this is. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.strictObject({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/** A note as a message (domain notes/messages): its key and parameters, rendered in the reader's language. */
export interface NoteMessageJson {
  key: string;
  params: NoteParams;
}

/** A note's parameter: a number, a text (an amount is its fen as decimal text) or a list of names. */
const NoteParam = z.union([z.string(), z.number(), z.array(z.string())]);

// Typed with the domain's NoteParams so that what the schema accepts is what renderNote reads.
export const NoteMessageSchema: z.ZodType<NoteMessageJson> = z.object({
  key: z.string().min(1),
  params: z.record(z.string(), NoteParam),
});

/** One file in a JSON body: its name, its bytes in base64, and optionally the sender's sha256. */
export const UploadedFileSchema = z.strictObject({
  fileName: z.string().min(1, "请填写文件名").max(200, "文件名不能超过 200 个字符"),
  dataBase64: z.string().min(1, "文件为空"),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "校验值应为 64 位十六进制")
    .optional(),
});
export type UploadedFile = z.infer<typeof UploadedFileSchema>;

/** One file sent as a part of a multipart/form-data form: how the upload routes take files. */
export const FilePart = z.file();

/** A file attached to a record, as a multipart form: the file and, optionally, the sha256 its sender computed. */
export const AttachmentFormSchema = z.strictObject({
  file: FilePart.describe("附件：pdf、png、jpg、jpeg、doc、docx、xls、xlsx 或 txt，至多 10 MB"),
  sha256: UploadedFileSchema.shape.sha256,
});
export type AttachmentForm = z.input<typeof AttachmentFormSchema>;
/** The text fields of the attachment form, as the server parses them. */
export const AttachmentFieldsSchema = AttachmentFormSchema.omit({ file: true });
