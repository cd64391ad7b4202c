import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { size?: number; tone?: 'light' | 'dark'; withName?: boolean };

/** The loop logo, optionally followed by the product name. */
export function BrandMark({ size = 28, tone = 'light', withName = false }: Props) {
  const { t } = useTranslation();
  const ring = tone === 'dark' ? '#ffffff' : '#1d5fbf';
  return (
    <Flex align="center" gap={10}>
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden>
        <circle
          cx="16"
          cy="16"
          r="11"
          fill="none"
          stroke={ring}
          strokeWidth="5"
          strokeDasharray="58 11"
          strokeLinecap="round"
        />
        <circle cx="16" cy="16" r="3.5" fill="#f5a623" />
      </svg>
      {withName && (
        <span
          style={{
            fontSize: 18,
            fontWeight: 600,
            letterSpacing: 1,
            color: tone === 'dark' ? '#fff' : undefined,
            whiteSpace: 'nowrap',
          }}
        >
          {t('app.name')}
        </span>
      )}
    </Flex>
  );
}
