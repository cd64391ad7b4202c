import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';

/** A unit applies for error tolerance (容错免责) against one of the deductions held against it. */
export function ExemptionApplication({
  schemeId,
  units,
}: {
  schemeId: string;
  units: { code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unit, setUnit] = useState<string>();
  const [eventId, setEventId] = useState<string>();
  const [reason, setReason] = useState('');
  const deductions = useQuery({
    queryKey: ['assessment', 'deductions', schemeId, unit],
    queryFn: () =>
      dataOf(
        api.GET('/api/assessment/schemes/{id}/units/{code}/deductions', {
          params: { path: { id: schemeId, code: unit ?? '' } },
        }),
      ),
    enabled: unit !== undefined,
  });
  const apply = useMutation({
    mutationFn: () =>
      dataOf(
        api.POST('/api/assessment/schemes/{id}/exemptions', {
          params: { path: { id: schemeId } },
          body: { unit: unit ?? '', eventId: eventId ?? '', reason, reducePoints: null, files: [] },
        }),
      ),
    onSuccess: () => {
      setReason('');
      return client.invalidateQueries({ queryKey: ['assessment'] });
    },
  });
  return (
    <Flex gap={8} wrap align="center">
      <Select
        placeholder={t('loop.task.lead')}
        style={{ width: 180 }}
        value={unit}
        onChange={setUnit}
        options={units.map((u) => ({ value: u.code, label: u.name }))}
      />
      <Select
        placeholder={t('loop.assessment.deduction')}
        style={{ width: 360 }}
        value={eventId}
        onChange={setEventId}
        options={(deductions.data?.items ?? []).map((d) => ({
          value: d.eventId,
          label: `${d.on} ${d.kind} · ${d.taskTitle}`,
        }))}
      />
      <Input
        placeholder={t('loop.task.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ width: 260 }}
      />
      <Button
        type="primary"
        disabled={!unit || !eventId || reason.trim().length < 2}
        loading={apply.isPending}
        onClick={() => apply.mutate()}
      >
        {t('loop.assessment.apply')}
      </Button>
      {apply.error && <Typography.Text type="danger">{apply.error.message}</Typography.Text>}
    </Flex>
  );
}
