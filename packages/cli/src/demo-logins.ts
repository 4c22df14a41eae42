import { ROLE_LABELS } from "@beizeng/domain/accounts/vocabulary";
import type { DemoLogin } from "@beizeng/server/demo/load-demo";
import { box } from "./output";

/** The demo logins in a box, for the operator's terminal. */
export function formatDemoLogins(logins: readonly DemoLogin[], url?: string): string {
  const rows: (string | string[])[] = [
    ["用户名 username", "密码 password", "角色 role", "所属 affiliation"],
    ...logins.map((login) => [
      login.username,
      login.password,
      `${ROLE_LABELS[login.role].zh} ${login.role}`,
      login.affiliation ?? "",
    ]),
    "",
    "这些账号只用于演示，密码是公开的。/ Demo only: these passwords are public.",
  ];
  if (url) rows.unshift(`打开 / open ${url}`, "");
  return box("演示数据 · Demo logins", rows);
}
