import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Colour } from './types.ts';

export const COLOUR_HEX: Record<Colour, string> = {
  red: '#e5484d',
  yellow: '#f5a623',
  blue: '#3b82f6',
  green: '#30a46c',
  grey: '#8b8d98',
};

export function ColourTag({ colour }: { colour: Colour | null }) {
  const { t } = useTranslation();
  if (!colour) return <Tag>{t('loop.colour.none')}</Tag>;
  return <Tag color={COLOUR_HEX[colour]}>{t(`loop.colour.${colour}`)}</Tag>;
}
