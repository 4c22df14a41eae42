import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zipArchive } from "../../testing/zip-archive";
import { checkUploadedFile } from "./stored-files";
import { zipDirectoryNames } from "./zip-directory";

const check = (fileName: string, bytes: Buffer) => () =>
  checkUploadedFile({ fileName, dataBase64: bytes.toString("base64") }, 0);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = Buffer.concat([PNG_SIGNATURE, Buffer.from([0, 0, 0, 13]), Buffer.from("IHDR"), Buffer.alloc(17)]);
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function xlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("数据").addRow(["企业", 1]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const docx = zipArchive([
  { name: "[Content_Types].xml", bytes: "<Types/>" },
  { name: "word/document.xml", bytes: "<w:document/>" },
]);

describe("the check of uploaded files by their structure", () => {
  it("accepts a PDF that ends and refuses one cut short", () => {
    expect(check("合同.pdf", Buffer.from("%PDF-1.7\n1 0 obj\n%%EOF\n"))().contentType).toBe("application/pdf");
    expect(check("合同.pdf", Buffer.from("%PDF-1.7\n1 0 obj\n"))).toThrow(
      "附件 1（合同.pdf）：PDF 文件不完整（结尾没有 %%EOF 标记），可能没有下载或上传完整",
    );
  });

  it("accepts a PNG with its image header, a JPEG that ends, and refuses them damaged or cut short", () => {
    expect(check("照片.png", png)().contentType).toBe("image/png");
    expect(check("照片.png", PNG_SIGNATURE)).toThrow("附件 1（照片.png）：PNG 图片已损坏（缺少图像头 IHDR）");
    expect(check("照片.png", Buffer.from("GIF89a"))).toThrow("附件 1（照片.png）：文件内容与扩展名 .png 不符");
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 0xff, 0xd9]);
    expect(check("照片.jpg", jpeg)().contentType).toBe("image/jpeg");
    expect(check("照片.jpeg", jpeg.subarray(0, 10))).toThrow(
      "附件 1（照片.jpeg）：JPEG 图片不完整（没有图像结束标记）",
    );
  });

  it("accepts Office documents whose zip directory lists their main part, and refuses others with that extension", async () => {
    const workbook = await xlsx();
    expect(check("名单.xlsx", workbook)().contentType).toContain("spreadsheetml");
    expect(check("通知.docx", docx)().contentType).toContain("wordprocessingml");
    expect(check("名单.xlsx", docx)).toThrow(
      "附件 1（名单.xlsx）：不是有效的 Excel 工作簿（压缩包中没有 xl/workbook.xml），可能是其他文件改了扩展名",
    );
    expect(check("通知.docx", workbook)).toThrow("不是有效的 Word 文档（压缩包中没有 word/document.xml）");
    expect(check("名单.xlsx", workbook.subarray(0, workbook.length - 30))).toThrow(
      "附件 1（名单.xlsx）：文件不完整或已损坏：读不出压缩包的文件目录，可能没有下载或上传完整",
    );
    const onlyLeadingBytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect(check("名单.xlsx", onlyLeadingBytes)).toThrow("读不出压缩包的文件目录");
  });

  it("accepts Word and Excel 97-2003 files of at least their header, and refuses a bare signature", () => {
    const header = Buffer.concat([COMPOUND_FILE, Buffer.alloc(504)]);
    expect(check("旧表.xls", header)().contentType).toBe("application/vnd.ms-excel");
    expect(check("旧文.doc", COMPOUND_FILE)).toThrow("附件 1（旧文.doc）：文件不完整（比文件头还短）");
  });
});

describe("zipDirectoryNames", () => {
  it("lists a zip archive's parts, also when a comment follows its directory", () => {
    expect(zipDirectoryNames(docx)).toEqual(["[Content_Types].xml", "word/document.xml"]);
    const withComment = Buffer.concat([docx, Buffer.from("备注")]);
    withComment.writeUInt16LE(Buffer.byteLength("备注"), docx.length - 2);
    expect(zipDirectoryNames(withComment)).toEqual(["[Content_Types].xml", "word/document.xml"]);
  });

  it("reads the zip64 end record", () => {
    // The same archive with its directory's place given by a zip64 end record and its locator.
    const end = docx.length - 22;
    const count = docx.readUInt16LE(end + 10);
    const size = docx.readUInt32LE(end + 12);
    const offset = docx.readUInt32LE(end + 16);
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(size), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(end), 8);
    const endRecord = Buffer.from(docx.subarray(end));
    endRecord.writeUInt16LE(0xffff, 8);
    endRecord.writeUInt16LE(0xffff, 10);
    endRecord.writeUInt32LE(0xffffffff, 12);
    endRecord.writeUInt32LE(0xffffffff, 16);
    const zip64 = Buffer.concat([docx.subarray(0, end), record, locator, endRecord]);
    expect(zipDirectoryNames(zip64)).toEqual(["[Content_Types].xml", "word/document.xml"]);
    expect(zipDirectoryNames(Buffer.concat([docx.subarray(0, end), locator, endRecord]))).toBeUndefined();
  });

  it("finds no directory in a file cut short, one pointing outside itself, or one whose entries are not where it says", () => {
    expect(zipDirectoryNames(docx.subarray(0, docx.length - 1))).toBeUndefined();
    expect(zipDirectoryNames(Buffer.alloc(10))).toBeUndefined();
    const outside = Buffer.from(docx);
    outside.writeUInt32LE(docx.length, docx.length - 22 + 16);
    expect(zipDirectoryNames(outside)).toBeUndefined();
    const misplaced = Buffer.from(docx);
    // The first entry's local header offset moved by one byte.
    const directory = misplaced.readUInt32LE(misplaced.length - 22 + 16);
    misplaced.writeUInt32LE(1, directory + 42);
    expect(zipDirectoryNames(misplaced)).toBeUndefined();
  });
});
