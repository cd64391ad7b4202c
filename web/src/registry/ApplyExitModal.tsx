import { Checkbox, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import type { ExitOverviewItem } from '../api/types.ts';
import { CheckFailures } from './CheckFailures.tsx';
import { useApplyForExit } from './registry-queries.ts';

const CONDITIONS = ['roads', 'water', 'power', 'clinic'] as const;
type Condition = (typeof CONDITIONS)[number];

/**
 * Applies for a village's or county's exit for the year. A village's conditions beyond incidence are
 * confirmed here as verified; the server recomputes every metric and refuses with each failing reason.
 */
export function ApplyExitModal({ unit, onClose }: { unit: ExitOverviewItem; onClose: () => void }) {
  const { t } = useTranslation();
  const apply = useApplyForExit();
  const [error, setError] = useState<ApiError>();
  const [verified, setVerified] = useState<Condition[]>([]);

  async function submit() {
    setError(undefined);
    try {
      await apply.mutateAsync({
        unitCode: unit.unitCode,
        year: unit.year,
        conditions:
          unit.level === 'village'
            ? {
                roads: verified.includes('roads'),
                water: verified.includes('water'),
                power: verified.includes('power'),
                clinic: verified.includes('clinic'),
              }
            : undefined,
      });
      onClose();
    } catch (failure) {
      if (failure instanceof ApiError) setError(failure);
      else throw failure;
    }
  }

  return (
    <Modal
      open
      title={t('registry.exits.applyTitle', { name: unit.unitName, year: unit.year })}
      okText={t('registry.exits.apply')}
      confirmLoading={apply.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {unit.level === 'village' && (
          <>
            <Typography.Text>{t('registry.exits.conditionsVerified')}</Typography.Text>
            <Checkbox.Group<Condition>
              value={verified}
              onChange={setVerified}
              options={CONDITIONS.map((c) => ({ value: c, label: t(`registry.exits.checks.${c}`) }))}
            />
          </>
        )}
        <CheckFailures error={error} />
      </Flex>
    </Modal>
  );
}
