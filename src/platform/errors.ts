/**
 * The one catalogue of error codes. A code is a stable public identifier (clients branch on it); the HTTP
 * status and the message in each language live beside it, so a new error is one line here.
 */
export const errorCatalog = {
  VALIDATION_FAILED: [400, '输入有误：{summary}', 'Invalid input: {summary}'],
  MALFORMED_REQUEST: [
    400,
    '请求格式错误（网址须经过百分号编码）',
    'Malformed request (the URL must be percent-encoded)',
  ],
  MALFORMED_JSON: [400, '请求正文不是有效的 JSON', 'The request body is not valid JSON'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的内容类型', 'Unsupported content type'],
  BODY_TOO_LARGE: [413, '请求正文过大', 'The request body is too large'],
  UNAUTHENTICATED: [401, '请先登录', 'Please sign in first'],
  INVALID_CREDENTIALS: [401, '用户名或密码错误', 'Wrong username or password'],
  ACCOUNT_LOCKED: [
    423,
    '登录失败次数过多，账户已临时锁定，请于 {until} 后再试',
    'Too many failed sign-ins; the account is locked until {until}',
  ],
  ACCOUNT_DISABLED: [403, '账户已停用', 'This account is disabled'],
  CSRF_TOKEN_INVALID: [403, '请求缺少有效的 CSRF 令牌', 'The request lacks a valid CSRF token'],
  PERMISSION_DENIED: [403, '您没有“{permission}”权限', 'You lack the permission "{permission}"'],
  OUT_OF_SCOPE: [403, '单元 {code} 不在您的数据范围内', 'Unit {code} is outside your data scope'],
  RATE_LIMITED: [429, '请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  NOT_FOUND: [404, '找不到请求的资源', 'The requested resource was not found'],
  ORG_UNIT_NOT_FOUND: [404, '找不到组织单元 {code}', 'Organisation unit {code} was not found'],
  USER_NOT_FOUND: [404, '找不到用户 {username}', 'User {username} was not found'],
  VERSION_CONFLICT: [
    409,
    '该记录已被他人修改（当前版本 {current}），请刷新后重试',
    'Someone else changed this record (now version {current}); reload and try again',
  ],
  USERNAME_TAKEN: [409, '用户名 {username} 已存在', 'The username {username} is already taken'],
  ORG_UNIT_ENDED: [
    409,
    '组织单元 {code} 已于 {date} 撤销或合并，不能再变更',
    'Unit {code} ended on {date} and can no longer change',
  ],
  ORG_MERGE_TARGET_ENDED: [422, '合并目标 {code} 已撤销或合并', 'The merge target {code} has itself ended'],
  ORG_MERGE_CYCLE: [
    422,
    '不能把单元合并到自身或其下级单元',
    'A unit cannot be merged into itself or one of its descendants',
  ],
  ORG_MERGE_KIND_MISMATCH: [
    422,
    '只能合并到同类同级的单元',
    'A unit can only be merged into a unit of the same kind and level',
  ],
  ORG_EFFECTIVE_DATE_TOO_EARLY: [
    422,
    '生效日期不能早于该单元最近一次变更（{date}）',
    'The effective date cannot precede the unit’s latest change ({date})',
  ],
  ORG_HAS_ACTIVE_CHILDREN: [
    422,
    '单元下仍有 {count} 个下级单元，请先合并或撤销它们',
    'The unit still has {count} active sub-units; merge or abolish them first',
  ],
  ORG_PARENT_NOT_DIVISION: [422, '部门只能设在行政区划之下', 'A department must sit under an administrative division'],
  ORG_EFFECTIVE_DATE_IN_FUTURE: [
    422,
    '生效日期不能晚于今天：变更在生效后登记',
    'The effective date cannot be in the future: changes are recorded once in force',
  ],
  PASSWORD_TOO_WEAK: [
    422,
    '密码至少 8 个字符，且需同时包含字母和数字',
    'A password needs at least 8 characters with both letters and digits',
  ],
  CURRENT_PASSWORD_WRONG: [422, '当前密码不正确', 'The current password is wrong'],
  CANNOT_CHANGE_OWN_ROLE: [422, '不能修改自己的角色或停用自己', 'You cannot change your own role or disable yourself'],
  JOB_NOT_FOUND: [404, '找不到任务 {id}', 'Job {id} was not found'],
  JOB_INTERRUPTED: [
    500,
    '任务因服务器重启而中断，请重新发起',
    'The job was interrupted by a server restart; start it again',
  ],
  // ── Registry ──
  REGISTRY_HOUSEHOLD_NOT_FOUND: [404, '找不到贫困户 {id}', 'Household {id} was not found'],
  REGISTRY_NOT_A_VILLAGE: [
    422,
    '{code} 不是现存的村（社区），贫困户只能登记在村',
    '{code} is not an active village; households are registered in villages',
  ],
  REGISTRY_ID_NUMBER_INVALID: [422, '身份证号码有误：{reason}', 'Invalid identity number: {reason}'],
  REGISTRY_HEAD_COUNT: [
    422,
    '每户须有且只有一名户主（现有 {count} 名）',
    'A household needs exactly one head (found {count})',
  ],
  REGISTRY_DUPLICATE_IN_HOUSEHOLD: [
    422,
    '同一身份证号码在本户出现了两次',
    'The same identity number appears twice in the household',
  ],
  REGISTRY_MEMBER_IN_OTHER_HOUSEHOLD: [
    409,
    '身份证号码 {idNumber} 已是贫困户 {household} 的成员',
    'Identity number {idNumber} already belongs to household {household}',
  ],
  REGISTRY_TRANSITION_NOT_ALLOWED: [422, '不能从“{from}”转为“{to}”', 'A household cannot go from "{from}" to "{to}"'],
  REGISTRY_DATE_BEFORE_LAST_EVENT: [
    422,
    '生效日期不能早于该户上一次状态变更（{date}）',
    'The effective date cannot precede the household’s previous status change ({date})',
  ],
  REGISTRY_CHECKS_FAILED: [422, '未通过以下核查：{failed}', 'These checks failed: {failed}'],
  REGISTRY_SETTING_MISSING: [
    422,
    '{year} 年没有适用的{kind}设置，请先由管理员录入',
    'No {kind} setting applies to {year}; an administrator must enter one first',
  ],
  REGISTRY_MEMBER_NOT_FOUND: [404, '本户没有成员 {idNumber}', 'The household has no member {idNumber}'],
  REGISTRY_CHANGE_REQUEST_NOT_FOUND: [404, '找不到变更申请 {id}', 'Change request {id} was not found'],
  REGISTRY_CHANGE_REQUEST_CLOSED: [409, '变更申请已{status}', 'The change request is already {status}'],
  REGISTRY_NOT_YOUR_STEP: [
    403,
    '当前审核环节为{step}级，须由该级有审核权限的人员办理',
    'The request waits for the {step} step; an approver of that level must decide',
  ],
  REGISTRY_DUPLICATE_NOT_FOUND: [404, '找不到疑似重复记录 {id}', 'Duplicate case {id} was not found'],
  REGISTRY_UNIT_LEVEL: [422, '{code} 不是{level}级单位', '{code} is not a unit of level {level}'],
  REGISTRY_EXIT_APPLICATION_NOT_FOUND: [404, '找不到退出申请 {id}', 'Exit application {id} was not found'],
  REGISTRY_RELOCATION_AREA_EXCEEDED: [
    422,
    '人均住房面积 {perPerson} 平方米，超过 25 平方米的上限',
    'Housing of {perPerson} m² per person exceeds the cap of 25 m²',
  ],
  REGISTRY_IMPORT_INVALID: [
    422,
    '导入文件有 {count} 处错误，未导入任何数据',
    'The file has {count} errors; nothing was imported',
  ],
  INTERNAL: [
    500,
    '服务器内部错误，请联系管理员（请求编号 {requestId}）',
    'Internal server error; quote request id {requestId} to the administrator',
  ],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof errorCatalog;
export type Locale = 'zh-CN' | 'en';

/** One problem with one input: the field (dotted path), the row for imports, and why. */
export type FieldIssue = { field: string; row?: number; code: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly details: FieldIssue[];

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, details: FieldIssue[] = []) {
    super(`${code} ${JSON.stringify(params)}`);
    this.code = code;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return errorCatalog[this.code][0];
  }
}

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const [, zh, en] = errorCatalog[code];
  const template: string = locale === 'en' ? en : zh;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the response language: the header the web client sends, else Chinese, the product's default. */
export function localeFromHeader(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
