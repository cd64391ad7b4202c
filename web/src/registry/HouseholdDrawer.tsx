import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Table,
  Tabs,
  Tag,
  message,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import type { RegistryHousehold } from '../api/types.ts';
import { useCurrentUser } from '../auth/session-queries.ts';
import { ChangeRequestForm } from './ChangeRequestForm.tsx';
import { CheckFailures } from './CheckFailures.tsx';
import {
  householdQuery,
  useRecordIncome,
  useRecordMeasure,
  useTransition,
  useUpdateConditions,
} from './registry-queries.ts';
import { causeLabel, MEASURE_TYPES, type MeasureType, measureLabel } from './causes-and-measures.ts';

const NEEDS = [
  'food',
  'clothing',
  'compulsoryEducation',
  'basicMedicalCare',
  'safeHousing',
  'safeDrinkingWater',
] as const;

function useAction() {
  const [error, setError] = useState<ApiError>();
  return {
    error,
    run: async (work: () => Promise<unknown>) => {
      setError(undefined);
      try {
        await work();
        void message.success('OK');
      } catch (failure) {
        if (failure instanceof ApiError) setError(failure);
        else throw failure;
      }
    },
  };
}

function Actions({ household }: { household: RegistryHousehold }) {
  const { t } = useTranslation();
  const transition = useTransition(household.id);
  const measure = useRecordMeasure(household.id);
  const income = useRecordIncome(household.id);
  const conditions = useUpdateConditions(household.id);
  const action = useAction();
  const [on, setOn] = useState<Dayjs>(dayjs());
  const [reason, setReason] = useState('');
  const version = household.version;
  const next = household.status === 'identified' ? 'registered' : household.status === 'registered' ? 'exited' : null;

  return (
    <Flex vertical gap={16}>
      <CheckFailures error={action.error} />
      <Form layout="inline" aria-label={t('registry.basicNeeds')}>
        {NEEDS.map((need) => (
          <Form.Item key={need}>
            <Checkbox
              checked={household.basicNeeds[need]}
              onChange={(event) =>
                action.run(() =>
                  conditions.mutateAsync({
                    basicNeeds: { ...household.basicNeeds, [need]: event.target.checked },
                    version,
                  }),
                )
              }
            >
              {t(`registry.needs.${need}`)}
            </Checkbox>
          </Form.Item>
        ))}
      </Form>
      <Form
        layout="inline"
        aria-label={t('registry.recordIncome')}
        onFinish={(values: { year: number; income: number }) =>
          action.run(() => income.mutateAsync({ year: values.year, perCapitaNetIncome: values.income, version }))
        }
        initialValues={{ year: dayjs().year() }}
      >
        <Form.Item name="year" label={t('registry.incomeYear')}>
          <InputNumber min={2010} max={2100} />
        </Form.Item>
        <Form.Item name="income" label={t('registry.income')} rules={[{ required: true }]}>
          <InputNumber min={0} />
        </Form.Item>
        <Button htmlType="submit">{t('registry.recordIncome')}</Button>
      </Form>
      <Form
        layout="inline"
        aria-label={t('registry.recordMeasure')}
        onFinish={(values: { type: MeasureType; amount: number; provider?: string }) =>
          action.run(() =>
            measure.mutateAsync({
              type: values.type,
              amountYuan: values.amount,
              provider: values.provider,
              givenOn: dayjs().format('YYYY-MM-DD'),
              version,
            }),
          )
        }
      >
        <Form.Item name="type" label={t('registry.measureType')} rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            options={MEASURE_TYPES.map((m) => ({ value: m, label: t(`registry.measureTypes.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('registry.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="provider" label={t('registry.provider')}>
          <Input />
        </Form.Item>
        <Button htmlType="submit">{t('registry.recordMeasure')}</Button>
      </Form>
      {next && household.headName === null && (
        <Alert type="info" showIcon title={t('registry.duplicates.waitingForHead')} />
      )}
      {next && household.headName !== null && (
        <Flex gap={8} align="center" wrap>
          <DatePicker value={on} onChange={(day) => day && setOn(day)} aria-label={t('registry.effectiveOn')} />
          <Input
            placeholder={t('registry.reason')}
            aria-label={t('registry.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            style={{ width: 260 }}
          />
          <Button
            type="primary"
            loading={transition.isPending}
            onClick={() =>
              action.run(() =>
                transition.mutateAsync({ to: next, effectiveOn: on.format('YYYY-MM-DD'), reason, steps: [], version }),
              )
            }
          >
            {t(next === 'registered' ? 'registry.register' : 'registry.exit')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

export function HouseholdDrawer({ id, canWrite, onClose }: { id: string; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [reveal, setReveal] = useState(false);
  const household = useQuery(householdQuery(id, reveal)).data;
  const mayReveal = user.permissions.includes('registry.unmask');

  return (
    <Drawer open width={900} onClose={onClose} title={household?.number} destroyOnHidden>
      {household && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('registry.columns.village')}>{household.villageName}</Descriptions.Item>
            <Descriptions.Item label={t('registry.columns.status')}>
              <Tag data-testid="household-status">{t(`registry.status.${household.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.columns.cause')}>
              {causeLabel(t, household.mainCause)}
            </Descriptions.Item>
          </Descriptions>
          {mayReveal && (
            <Flex gap={8} align="center">
              <Switch checked={reveal} onChange={setReveal} aria-label={t('registry.reveal')} />
              {t('registry.reveal')}
            </Flex>
          )}
          {household.pendingDuplicates.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('registry.duplicates.pendingMembers')}
              description={
                <ul style={{ margin: 0 }}>
                  {household.pendingDuplicates.map((claim) => (
                    <li key={claim.caseId}>
                      {t('registry.duplicates.pendingMember', {
                        name: claim.name,
                        idNumber: claim.idNumber,
                        relation: t(`registry.relations.${claim.relation}`, { defaultValue: claim.relation }),
                        holder: claim.heldByHouseholdNumber ?? '—',
                      })}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Tabs
            items={[
              {
                key: 'members',
                label: t('registry.members'),
                children: (
                  <Table
                    size="small"
                    rowKey="personId"
                    pagination={false}
                    dataSource={household.members}
                    columns={[
                      { title: t('registry.name'), dataIndex: 'name' },
                      { title: t('registry.idNumber'), dataIndex: 'idNumber' },
                      {
                        title: t('registry.relation'),
                        render: (_, m) => t(`registry.relations.${m.relation}`, { defaultValue: m.relation }),
                      },
                      { title: t('registry.effectiveOn'), dataIndex: 'startOn' },
                      { title: '', render: (_, m) => (m.endOn ? `${m.endOn} ${m.endReason ?? ''}` : '') },
                    ]}
                  />
                ),
              },
              {
                key: 'measures',
                label: t('registry.measures'),
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={household.measures}
                    columns={[
                      {
                        title: t('registry.measureType'),
                        dataIndex: 'type',
                        render: (type: string) => measureLabel(t, type),
                      },
                      { title: t('registry.effectiveOn'), dataIndex: 'givenOn' },
                      { title: t('registry.amount'), dataIndex: 'amountYuan', align: 'right' },
                      { title: t('registry.provider'), dataIndex: 'provider' },
                    ]}
                  />
                ),
              },
              {
                key: 'incomes',
                label: t('registry.incomes'),
                children: (
                  <Table
                    size="small"
                    rowKey="year"
                    pagination={false}
                    dataSource={household.incomes}
                    columns={[
                      { title: t('registry.incomeYear'), dataIndex: 'year' },
                      { title: t('registry.income'), dataIndex: 'perCapitaNetIncome', align: 'right' },
                    ]}
                  />
                ),
              },
              {
                key: 'events',
                label: t('registry.events'),
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={household.events}
                    columns={[
                      { title: t('registry.effectiveOn'), dataIndex: 'effectiveOn' },
                      {
                        title: t('registry.columns.status'),
                        render: (_, e) => t(`registry.status.${e.toStatus}`, { defaultValue: e.toStatus }),
                      },
                      { title: t('registry.reason'), dataIndex: 'reason' },
                    ]}
                  />
                ),
              },
              ...(canWrite
                ? [
                    { key: 'actions', label: t('registry.actions'), children: <Actions household={household} /> },
                    {
                      key: 'changeRequest',
                      label: t('registry.changeRequests.file'),
                      children: <ChangeRequestForm household={household} />,
                    },
                  ]
                : []),
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
