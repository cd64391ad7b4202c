import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { savedLanguage, switchLanguage } from '../i18n/i18n.ts';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { BrandMark } from '../shell/BrandMark.tsx';
import { LoopSteps } from './LoopSteps.tsx';
import { useLogin, useSession } from './session-queries.ts';

type Credentials = { username: string; password: string };

/** A failed sign-in is already on screen through `login.error`. */
const ignoreShownError = () => {};

/** Only same-site paths may be a destination after signing in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  async function signIn(credentials: Credentials) {
    const { user } = await login.mutateAsync(credentials);
    if (!savedLanguage()) await switchLanguage(user.locale);
    await navigate(next, { replace: true });
  }

  return (
    <Flex vertical style={{ minHeight: '100vh', background: 'linear-gradient(135deg, #0f2748 0%, #1d5fbf 100%)' }}>
      <Flex justify="flex-end" style={{ padding: '16px 24px' }}>
        <LanguageSwitch tone="dark" />
      </Flex>
      <Flex flex={1} align="center" justify="center" gap={64} wrap style={{ padding: 24 }}>
        <Flex vertical gap={16} style={{ maxWidth: 420, color: '#fff' }}>
          <BrandMark size={56} tone="dark" />
          <Typography.Title level={1} style={{ color: '#fff', margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16, margin: 0 }}>
            {t('login.tagline')}
          </Typography.Paragraph>
          <LoopSteps />
        </Flex>
        <Card style={{ width: 380, boxShadow: '0 12px 40px rgba(0,0,0,0.25)' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Form<Credentials>
            layout="vertical"
            size="large"
            onFinish={(values) => void signIn(values).catch(ignoreShownError)}
            requiredMark={false}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            {login.error && (
              <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} role="alert" />
            )}
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Flex>
  );
}
