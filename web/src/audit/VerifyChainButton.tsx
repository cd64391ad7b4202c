import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVerifyChain } from './audit-queries.ts';
import { ChainVerdictAlert } from './ChainVerdictAlert.tsx';

/** Re-checks the tamper-evident hash chain over every record and says what it found. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const verify = useVerifyChain();
  return (
    <Flex gap={12} align="center" wrap>
      <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending}>
        {t('audit.verify.button')}
      </Button>
      {verify.data && <ChainVerdictAlert verdict={verify.data} />}
      {verify.error && <Alert type="error" showIcon title={verify.error.message} />}
    </Flex>
  );
}
