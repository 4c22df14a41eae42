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

  "login.activateLink": "企业账号激活",

  "activate.title": "企业账号激活",
  "activate.intro":
    "区里已为贵企业开通账号。请输入开通通知中的用户名（或统一社会信用代码）和激活码，并设置登录密码。激活码只能使用一次。",
  "activate.username": "用户名或统一社会信用代码",
  "activate.usernameHint": "用户名一般为贵企业的统一社会信用代码（小写）。",
  "activate.usernameRequired": "请输入用户名或统一社会信用代码",
  "activate.code": "激活码",
  "activate.codeHint": "12 位字母和数字，如 K7QM-3XPA-RW9D；短横线和大小写可不区分。",
  "activate.codeRequired": "请输入激活码",
  "activate.submit": "激活账号",
  "activate.invalid": "用户名或激活码错误，请核对开通通知。",
  "activate.used": "此激活码已使用过，账号已激活，请直接登录。忘记密码请联系管理员。",
  "activate.expired": "激活码已过期，请联系管理员重新发放激活码。",
  "activate.disabled": "账号已停用，请联系管理员。",
  "activate.rateLimitedHint": "为防止激活码被猜测，多次输错后须稍候再试；如需立即解除，请联系管理员。",
  "activate.doneTitle": "账号已激活",
  "activate.doneUsername": "请使用用户名 {username} 和刚设置的密码登录。",
  "activate.toLogin": "去登录",
  "activate.backToLogin": "返回登录",

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

  "login.activateLink": "Activate an enterprise account",

  "activate.title": "Activate an enterprise account",
  "activate.intro":
    "The district has opened an account for your enterprise. Enter the username (or the unified social credit code) and the activation code from the notice, and choose a password. The code works once.",
  "activate.username": "Username or unified social credit code",
  "activate.usernameHint": "The username is usually your enterprise's credit code, in lower case.",
  "activate.usernameRequired": "Enter the username or the credit code",
  "activate.code": "Activation code",
  "activate.codeHint": "12 letters and digits, e.g. K7QM-3XPA-RW9D; hyphens and letter case do not matter.",
  "activate.codeRequired": "Enter the activation code",
  "activate.submit": "Activate the account",
  "activate.invalid": "Wrong username or activation code: check the notice.",
  "activate.used":
    "This code has been used: the account is active, sign in with its password. If it is forgotten, ask an administrator.",
  "activate.expired": "The activation code has expired: ask an administrator for a new one.",
  "activate.disabled": "The account is disabled: ask an administrator.",
  "activate.rateLimitedHint":
    "To keep codes from being guessed, tries are held back after several mistakes; an administrator can lift this at once.",
  "activate.doneTitle": "Account activated",
  "activate.doneUsername": "Sign in with the username {username} and the password you just chose.",
  "activate.toLogin": "Sign in",
  "activate.backToLogin": "Back to sign-in",

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
