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
  REGISTRY_DUPLICATE_DECIDED: [409, '该疑似重复记录已处理', 'The duplicate case has already been decided'],
  REGISTRY_DUPLICATE_CLAIM_IS_HEAD: [
    422,
    '户 {household} 登记时以此人为户主，不能只保留原户：请选择迁入该户或更正身份证号码',
    'Household {household} registered this person as its head; keep them there or correct the ID number instead',
  ],
  REGISTRY_DUPLICATE_CLAIMING_HOUSEHOLD_HEADED: [
    422,
    '户 {household} 已另行确定户主，此人不能再以户主身份纳入：请选择保留在原户',
    'Household {household} has another head now, so this person cannot join it as head; keep them where they are',
  ],
  REGISTRY_HOUSEHOLD_WITHOUT_HEAD: [
    409,
    '贫困户 {number} 尚无户主（户主待查重决定）：须先确定户主，再办理状态变更',
    'Household {number} has no head yet (its head waits for a duplicate decision): settle the head before changing its status',
  ],
  REGISTRY_HEAD_HEADS_OTHER_HOUSEHOLD: [
    409,
    '身份证号码 {idNumber} 已是贫困户 {household} 的户主：该户可能已登记，或须先变更该户户主',
    'Identity number {idNumber} already heads household {household}: the family may be registered already, or that household’s head must change first',
  ],
  REGISTRY_REGISTERED_CONCURRENTLY: [
    409,
    '另一项同时进行的操作登记了相同的成员，未保存任何内容，请刷新后重试',
    'Another change saved the same member at the same moment; nothing was saved — reload and try again',
  ],
  REGISTRY_DUPLICATE_HOLDER_HEAD: [
    422,
    '此人是户 {household} 的户主，须先变更该户户主再迁出',
    'This person heads household {household}; change that household’s head before moving them',
  ],
  REGISTRY_DUPLICATE_SAME_HOUSEHOLD: [
    422,
    '号码在同一户内重复：只能保留原登记或更正号码',
    'The number is repeated within one household: keep the first entry or correct the number',
  ],
  REGISTRY_MEMBERSHIP_DATE_TOO_EARLY: [
    422,
    '日期不能早于该成员加入现户的日期（{date}）',
    'The date cannot precede the day the member joined the household ({date})',
  ],
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
  // The closed work loop: files, plans, tasks, supervision, assessment
  FILE_MISSING: [400, '请选择要上传的文件', 'Choose a file to upload'],
  FILE_TOO_LARGE: [413, '文件超过 {limit} MB 的上限', 'The file exceeds the {limit} MB limit'],
  FILE_TYPE_NOT_ALLOWED: [
    415,
    '不允许上传该类型的文件（{type}），请上传 PDF、图片、Word 或 Excel 文件',
    'Files of type {type} are not allowed; upload PDF, images, Word or Excel files',
  ],
  FILE_NOT_FOUND: [404, '找不到文件 {sha256}', 'File {sha256} was not found'],
  DECISION_NOT_FOUND: [404, '找不到决策 {id}', 'Decision {id} was not found'],
  PLAN_NOT_FOUND: [404, '找不到规划 {id}', 'Plan {id} was not found'],
  PLAN_NODE_NOT_FOUND: [404, '找不到规划节点 {id}', 'Plan node {id} was not found'],
  PLAN_NODE_HAS_TASKS: [
    409,
    '规划节点 {number} 及其下级有 {count} 项任务，不能删除',
    'Plan node {number} and the nodes under it are served by {count} tasks; it cannot be deleted',
  ],
  PLAN_NODE_MOVE_INTO_ITSELF: [
    422,
    '不能把规划节点 {number} 移到它自身或它的下级之下',
    'Plan node {number} cannot move under itself or one of its own nodes',
  ],
  TASK_NOT_FOUND: [404, '找不到任务 {id}', 'Task {id} was not found'],
  TASK_TRANSITION_ILLEGAL: [
    409,
    '任务当前状态为“{status}”，不能执行“{action}”',
    'The task is "{status}"; "{action}" is not possible now',
  ],
  TASK_ACTION_NOT_YOURS: [
    403,
    '您的单位在该任务中不能执行“{action}”',
    'Your unit’s part in this task does not allow "{action}"',
  ],
  TASK_DEADLINE_PASSED: [
    422,
    '任务已过截止日期 {deadline}，不能再执行“{action}”',
    'The deadline {deadline} has passed; "{action}" is no longer possible',
  ],
  TASK_REASON_REQUIRED: [422, '请填写理由', 'A reason is required'],
  TASK_NEW_DEADLINE_INVALID: [
    422,
    '新的截止日期须晚于 {deadline} 且不早于今天',
    'The new deadline must be after {deadline} and not before today',
  ],
  TASK_MILESTONES_INVALID: [422, '里程碑设置有误', 'The milestones are invalid'],
  TASK_UNITS_INVALID: [
    422,
    '牵头单位、配合单位和督办单位须互不相同',
    'The lead, co-operating and supervising units must all differ',
  ],
  TASK_FINAL: [409, '任务已{status}，不能再报送或变更', 'The task is {status} and can no longer change'],
  TASK_DATES_FIXED: [
    409,
    '任务下达后，开始日期、截止日期和节点只能通过延期变更',
    'Once a task is issued, its start, deadline and milestones change only through an extension',
  ],
  REPORT_NOT_FOUND: [404, '找不到报送 {id}', 'Report {id} was not found'],
  REPORT_DUPLICATE: [
    409,
    '该报送已提交（报送编号 {id}），请勿重复提交',
    'This report was already submitted (report {id}); it is not submitted twice',
  ],
  REPORT_ALREADY_REVIEWED: [409, '该报送已审核', 'This report has already been reviewed'],
  REPORT_NOT_LATEST: [409, '只能审核最新的完成报送', 'Only the latest completion report can be reviewed'],
  NOTIFICATION_NOT_FOUND: [404, '找不到通知 {id}', 'Notification {id} was not found'],
  SCHEME_NOT_FOUND: [404, '找不到考核方案 {id}', 'Assessment scheme {id} was not found'],
  SCHEME_INVALID: [422, '考核方案有误：{summary}', 'The assessment scheme is invalid: {summary}'],
  SCHEME_CODE_TAKEN: [409, '考核方案编号 {code} 已存在', 'The scheme code {code} is already taken'],
  SCHEME_ITEM_UNKNOWN: [422, '考核方案中没有“{item}”这一{kind}类指标', 'The scheme has no {kind} item "{item}"'],
  UNIT_NOT_ASSESSED: [422, '单位 {code} 不在该方案的考核对象中', 'Unit {code} is not assessed under this scheme'],
  RUN_NOT_FOUND: [404, '找不到考核结果 {id}', 'Assessment run {id} was not found'],
  RUN_PUBLISHED: [409, '考核结果已发布，不能再变更', 'The assessment run is published and frozen'],
  EXEMPTION_NOT_FOUND: [404, '找不到容错免责申请 {id}', 'Exemption application {id} was not found'],
  EXEMPTION_EVENT_UNKNOWN: [
    422,
    '扣分事项 {event} 不属于该单位',
    'The deduction {event} is not one held against this unit',
  ],
  ALREADY_DECIDED: [409, '该申请已处理', 'This application has already been decided'],
  BONUS_CLAIM_NOT_FOUND: [404, '找不到加分申请 {id}', 'Bonus claim {id} was not found'],

  // Indicators and analytics
  INDICATOR_NOT_FOUND: [404, '找不到指标 {code}', 'Indicator {code} was not found'],
  INDICATOR_CODE_TAKEN: [409, '指标代码 {code} 已存在', 'The indicator code {code} is already taken'],
  INDICATOR_DEFINITION_INVALID: [422, '指标定义有误：{summary}', 'The indicator definition is invalid: {summary}'],
  INDICATOR_FORMULA_UNKNOWN_CODE: [
    422,
    '公式引用了不存在的指标 {code}',
    'The formula refers to an unknown indicator {code}',
  ],
  INDICATOR_FORMULA_CYCLE: [422, '公式存在循环引用：{path}', 'The formula refers to itself: {path}'],
  INDICATOR_VALUES_INVALID: [
    422,
    '有 {count} 个数值未通过校验，均未保存',
    '{count} values failed validation; nothing was saved',
  ],
  INDICATOR_NOT_ENTERED: [
    422,
    '指标 {code} 由公式或其他模块计算，不能填报',
    'Indicator {code} is computed, not entered',
  ],
  INDICATOR_WRONG_LEVEL: [
    422,
    '指标 {code} 在第 {level} 级单元填报',
    'Indicator {code} is entered by units of level {level}',
  ],
  INDICATOR_WRONG_PERIOD_TYPE: [
    422,
    '指标 {code} 按{type}填报，期间 {period} 不符',
    'Indicator {code} is reported by {type}; {period} does not fit',
  ],
  INDICATOR_CATEGORY_UNKNOWN: [
    422,
    '分类“{category}”不属于该指标',
    'The category "{category}" does not belong to this indicator',
  ],
  INDICATOR_VALUE_NOT_INTEGER: [422, '须为整数', 'Must be a whole number'],
  INDICATOR_VALUE_NEGATIVE: [422, '计数不能为负', 'A count cannot be negative'],
  INDICATOR_VALUE_PERCENT_RANGE: [422, '百分比须在 0 到 100 之间', 'A percentage lies between 0 and 100'],
  INDICATOR_VALUE_MONEY_PRECISION: [422, '金额最多两位小数', 'Money has at most two decimals'],
  INDICATOR_VALUE_BELOW_MIN: [422, '不能小于 {min}', 'Cannot be below {min}'],
  INDICATOR_VALUE_ABOVE_MAX: [422, '不能大于 {max}', 'Cannot be above {max}'],
  INDICATOR_VALUE_NOT_NUMBER: [422, '“{text}”不是数字', '"{text}" is not a number'],
  INDICATOR_COMMENT_REQUIRED: [
    422,
    '与上期（{previous}）相比变化过大，请填写说明',
    'Changed too much from the previous period ({previous}); add a comment',
  ],
  INDICATOR_RULE_BROKEN: [422, '须{op} {code}（{other}）', 'Must be {op} {code} ({other})'],
  INDICATOR_ENTRY_WINDOW_CLOSED: [
    422,
    '期间 {period} 的填报窗口已于 {closedOn} 关闭，需申请例外',
    'The entry window for {period} closed on {closedOn}; ask for an exception',
  ],
  INDICATOR_PERIOD_NOT_STARTED: [422, '期间 {period} 尚未开始', 'The period {period} has not begun'],
  INDICATOR_PERIOD_LOCKED: [
    409,
    '{unit} 的 {period} 数据已审核锁定',
    'The data of {unit} for {period} is approved and locked',
  ],
  INDICATOR_APPROVAL_NEEDS_HIGHER_LEVEL: [
    403,
    '只有上级单元可以审核 {code}',
    'Only a unit above {code} may approve it',
  ],
  INDICATOR_APPROVAL_CHILDREN_PENDING: [
    422,
    '还有 {count} 个下级单元未审核：{units}',
    '{count} sub-units are not approved yet: {units}',
  ],
  INDICATOR_APPROVAL_NOTHING: [
    422,
    '{code} 在 {period} 没有可审核的数据',
    '{code} has no data to approve for {period}',
  ],
  INDICATOR_ALREADY_APPROVED: [409, '{code} 的 {period} 数据已审核', '{code} is already approved for {period}'],
  INDICATOR_IMPORT_MALFORMED: [400, '文件无法读取：{reason}', 'The file cannot be read: {reason}'],
  INDICATOR_IMPORT_INVALID: [
    422,
    '导入文件有 {count} 处错误，未保存任何数据',
    'The file has {count} errors; nothing was saved',
  ],
  ANALYTICS_PERIOD_TOO_FINE: [
    422,
    '指标 {code} 按{type}统计，不能查询期间 {period}',
    'Indicator {code} is kept by {type}; it cannot be read for {period}',
  ],
  ANALYTICS_LEVEL_INVALID: [422, '层级 {level} 不在单元 {code} 之下', 'Level {level} does not lie below unit {code}'],
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
