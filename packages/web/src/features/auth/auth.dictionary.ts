/** The texts of signing in, the password and the demo banner, in Chinese first and English second; shared/i18n/dictionary.ts gathers them. */
export const zhCN = {
  "demo.banner": "演示数据：当前展示的企业、项目和数据均为演示用途，并非真实统计。",

  "login.username": "用户名",
  "login.password": "密码",
  "login.submit": "登录",
  "login.usernameRequired": "请输入用户名",
  "login.passwordRequired": "请输入密码",
  "login.rateLimitedHint":
    "为保护账号，在陌生的浏览器或网络上登录暂时受限。在曾登录过此账号的浏览器上登录不受影响；如需立即解除，请联系管理员（账号管理 → 解除登录限制）。",

  "password.title": "修改密码",
  "password.current": "当前密码",
  "password.new": "新密码",
  "password.confirm": "确认新密码",
  "password.submit": "保存新密码",
  "password.policyShort": "至少 10 位，须同时包含字母和数字",
  "password.policy": "新密码至少 10 位，须同时包含字母和数字。修改后，其他设备上的登录将退出。",
  "password.mustChange": "您正在使用临时密码，请先设置新密码。",
  "password.currentRequired": "请输入当前密码",
  "password.newRequired": "请输入新密码",
  "password.confirmRequired": "请再次输入新密码",
  "password.mismatch": "两次输入的新密码不一致",
  "password.changed": "密码已修改",
} satisfies Record<string, string>;

export const en: Record<keyof typeof zhCN, string> = {
  "demo.banner": "Demo data: the enterprises, projects and figures shown are for demonstration, not real statistics.",

  "login.username": "Username",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.usernameRequired": "Enter your username",
  "login.passwordRequired": "Enter your password",
  "login.rateLimitedHint":
    "To protect the account, sign-ins from unfamiliar browsers or networks are held back for a while. A browser that has signed in to this account before is not affected; to lift this at once, ask an administrator (Accounts → Clear login restrictions).",

  "password.title": "Change password",
  "password.current": "Current password",
  "password.new": "New password",
  "password.confirm": "Confirm new password",
  "password.submit": "Save new password",
  "password.policyShort": "At least 10 characters, with both letters and digits",
  "password.policy":
    "At least 10 characters, with both letters and digits. Sign-ins on other devices end once it is changed.",
  "password.mustChange": "You are using a temporary password: set a new one first.",
  "password.currentRequired": "Enter the current password",
  "password.newRequired": "Enter a new password",
  "password.confirmRequired": "Enter the new password again",
  "password.mismatch": "The two new passwords differ",
  "password.changed": "Password changed",
};
