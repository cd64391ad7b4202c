import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const steps = ['plan', 'task', 'supervise', 'assess'] as const;

/** The four stages of the work loop the product is named after. */
export function LoopSteps() {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center" style={{ color: 'rgba(255,255,255,0.7)' }}>
      {steps.map((step, index) => (
        <Flex key={step} gap={8} align="center">
          {index > 0 && <span aria-hidden>→</span>}
          <Tag
            variant="outlined"
            style={{ color: '#fff', background: 'transparent', borderColor: 'rgba(255,255,255,0.4)', margin: 0 }}
          >
            {t(`login.loop.${step}`)}
          </Tag>
        </Flex>
      ))}
      <span aria-hidden>↺</span>
    </Flex>
  );
}
