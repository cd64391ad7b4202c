import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../api/types.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { knownActions, knownEntities } from './audit-vocabulary.ts';

type Values = {
  actor?: string;
  unit?: string;
  entity?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

/** Empty inputs mean "any"; the date range covers whole days in the viewer's time zone. */
function toFilter({ actor, unit, entity, action, range }: Values): AuditFilter {
  const [from, to] = range ?? [];
  return {
    actor: actor?.trim() || undefined,
    unit: unit || undefined,
    entity: entity || undefined,
    action: action || undefined,
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values> form={form} layout="inline" onFinish={(values) => onChange(toFilter(values))} style={{ rowGap: 12 }}>
      <Form.Item name="actor" label={t('audit.filters.actor')}>
        <Input allowClear placeholder={t('audit.filters.actorPlaceholder')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="unit" label={t('audit.filters.unit')}>
        <OrgUnitSelect placeholder={t('audit.filters.unitPlaceholder')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="entity" label={t('audit.filters.entity')}>
        <Select
          allowClear
          placeholder={t('audit.filters.any')}
          style={{ width: 130 }}
          options={knownEntities.map((entity) => ({ value: entity, label: t(`audit.entities.${entity}`) }))}
        />
      </Form.Item>
      <Form.Item name="action" label={t('audit.filters.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filters.any')}
          style={{ width: 180 }}
          options={knownActions.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.filters.range')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
