import { App, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language, Role, User } from '../api/types.ts';
import { useCurrentUser } from '../auth/session-queries.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { useCreateUser, useUpdateUser } from './users-queries.ts';

const roles: Role[] = ['admin', 'leader', 'supervisor', 'staff', 'clerk', 'auditor'];
const languages: { value: Language; key: 'zhCN' | 'en' }[] = [
  { value: 'zh-CN', key: 'zhCN' },
  { value: 'en', key: 'en' },
];

type Values = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  locale: Language;
  scopes: string[];
  active: boolean;
};

type Props = {
  formId: string;
  /** The account to edit; absent to create one. */
  user?: User;
  onSaved: () => void;
  onReload?: () => void;
};

/** The account form; the drawer's Save button submits it through `formId`. */
export function UserForm({ formId, user, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const create = useCreateUser();
  const update = useUpdateUser();
  const role = Form.useWatch('role', form);
  const isSelf = user?.id === me.id;

  async function save({ username, displayName, password, role, locale, scopes, active }: Values) {
    try {
      if (user) {
        // Your own role and active flag are not yours to change; the server refuses, so they are not sent.
        const privileged = isSelf ? {} : { role, active };
        await update.mutateAsync({
          id: user.id,
          body: { displayName, locale, scopes, version: user.version, ...privileged },
        });
      } else {
        await create.mutateAsync({ username, displayName, password, role, locale, scopes });
      }
      void message.success(t('users.saved'));
      onSaved();
    } catch (failure) {
      errors.report(failure);
    }
  }

  const initialValues: Partial<Values> = user
    ? {
        displayName: user.displayName,
        role: user.role,
        locale: user.locale,
        active: user.active,
        scopes: user.scopes.map((scope) => scope.code),
      }
    : { role: 'staff', locale: 'zh-CN', scopes: [] };

  return (
    <Form<Values>
      id={formId}
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void save(values)}
      onValuesChange={errors.clear}
      disabled={create.isPending || update.isPending}
    >
      <Form.Item
        name="username"
        label={t('users.columns.username')}
        rules={[{ required: !user }]}
        initialValue={user?.username}
      >
        <Input disabled={user !== undefined} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.columns.displayName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      {!user && (
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('password.rule')}
          rules={[{ required: true }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item
        name="role"
        label={t('users.columns.role')}
        rules={[{ required: true }]}
        extra={isSelf ? t('users.ownRole') : undefined}
      >
        <Select disabled={isSelf} options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="scopes"
        label={t('users.columns.scopes')}
        extra={role === 'admin' ? t('users.adminScopes') : t('users.scopesHelp')}
      >
        <OrgUnitSelect multiple known={user?.scopes} placeholder={t('users.scopesPlaceholder')} />
      </Form.Item>
      <Form.Item name="locale" label={t('users.columns.language')}>
        <Select options={languages.map(({ value, key }) => ({ value, label: t(`languages.${key}`) }))} />
      </Form.Item>
      {user && (
        <Form.Item name="active" label={t('users.columns.status')} valuePropName="checked">
          <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} disabled={isSelf} />
        </Form.Item>
      )}
      <FormErrorAlert error={errors.error} onReload={onReload} />
    </Form>
  );
}
