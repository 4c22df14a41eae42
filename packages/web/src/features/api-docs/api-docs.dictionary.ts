/** The texts of the API reference page, in Chinese first and English second; shared/i18n/dictionary.ts gathers them. */
export const zhCN = {
  "apiDocs.title": "接口文档",
  "apiDocs.intro":
    "其他系统可按此文档调用本平台的接口：先以账号登录（POST /api/auth/login），保留返回的会话 Cookie，并在每个新增、修改、删除请求中带上 x-csrf-token 请求头。金额以“分”为单位的十进制文本表示；文件以 multipart/form-data 表单上传。下方的接口说明由 Swagger UI 展示（英文界面），其中的字段说明为中文。",
  "apiDocs.download": "下载 OpenAPI 文档（JSON）",
  "apiDocs.failed": "接口文档加载失败，请刷新页面重试",
};

export const en: Record<keyof typeof zhCN, string> = {
  "apiDocs.title": "API reference",
  "apiDocs.intro":
    "Other systems call this platform's API as described here: sign in with an account (POST /api/auth/login), keep the session cookie it sets, and send the x-csrf-token header with every request that adds, changes or deletes. Amounts are decimal text in fen; files are uploaded as multipart/form-data forms. The reference below is shown by Swagger UI (in English); the descriptions of fields are in Chinese.",
  "apiDocs.download": "Download the OpenAPI document (JSON)",
  "apiDocs.failed": "The API reference could not be loaded; reload the page to try again",
};
