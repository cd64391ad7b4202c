import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import type { AssessmentScheme } from '../loop/types.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import {
  DEDUCTION_EVENTS,
  ITEM_KINDS,
  type ItemValues,
  itemWorth,
  newSchemeValues,
  type SchemeFormValues,
  toDefinition,
  toFormValues,
} from './scheme-form.ts';

const CODE_RULE = { pattern: /^[a-z0-9][a-z0-9_-]{0,59}$/, message: 'a-z 0-9 _ -' };

/** The fields only some kinds of item have: the indicator read, or the points off per supervision event. */
function KindFields({ form, category, item }: { form: FormInstance; category: number; item: number }) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['categories', category, 'items', item, 'kind'], form) as ItemValues['kind'] | undefined;
  if (kind === 'attainment')
    return (
      <Space wrap>
        <Form.Item name={[item, 'indicatorCode']} label={t('loop.scheme.indicatorCode')} rules={[{ required: true }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name={[item, 'direction']} label={t('loop.scheme.direction')} initialValue="higher_is_better">
          <Select
            style={{ width: 140 }}
            options={(['higher_is_better', 'lower_is_better'] as const).map((value) => ({
              value,
              label: t(`loop.scheme.directions.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name={[item, 'cap']} label={t('loop.scheme.cap')} initialValue={1} rules={[{ required: true }]}>
          <InputNumber min={1} max={10} step={0.1} />
        </Form.Item>
      </Space>
    );
  if (kind === 'deduction')
    return (
      <Space wrap>
        <Typography.Text type="secondary">{t('loop.scheme.pointsPerEvent')}</Typography.Text>
        {DEDUCTION_EVENTS.map((event) => (
          <Form.Item key={event} name={[item, 'pointsPerEvent', event]} label={t(`loop.scheme.events.${event}`)}>
            <InputNumber min={0} max={1000} style={{ width: 80 }} />
          </Form.Item>
        ))}
      </Space>
    );
  return null;
}

function Items({ form, category }: { form: FormInstance; category: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[category, 'items']}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((field) => (
            <Card key={field.key} size="small" type="inner">
              <Space wrap align="start">
                <Form.Item
                  name={[field.name, 'code']}
                  label={t('loop.scheme.itemCode')}
                  rules={[{ required: true }, CODE_RULE]}
                >
                  <Input style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} label={t('loop.scheme.itemName')} rules={[{ required: true }]}>
                  <Input style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} label={t('loop.scheme.kind')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 130 }}
                    options={ITEM_KINDS.map((kind) => ({ value: kind, label: t(`loop.assessment.kinds.${kind}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'cadence']} label={t('loop.scheme.cadence')} initialValue="annual">
                  <Select
                    style={{ width: 110 }}
                    options={(['annual', 'quarterly'] as const).map((value) => ({
                      value,
                      label: t(`loop.scheme.cadences.${value}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  noStyle
                  shouldUpdate={(before: SchemeFormValues, after: SchemeFormValues) =>
                    before.categories[category]?.items[field.name]?.kind !==
                    after.categories[category]?.items[field.name]?.kind
                  }
                >
                  {() =>
                    form.getFieldValue(['categories', category, 'items', field.name, 'kind']) !== 'veto' && (
                      <Form.Item
                        name={[field.name, 'points']}
                        label={t('loop.scheme.points')}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={0.01} max={1000} style={{ width: 90 }} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('loop.scheme.removeItem')}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </Space>
              <KindFields form={form} category={category} item={field.name} />
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ code: '', name: '', kind: 'timeliness', cadence: 'annual' })}
          >
            {t('loop.scheme.addItem')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** Full marks as the form stands, by category and in all, so weights can be balanced while typing. */
function Worth({ form }: { form: FormInstance<SchemeFormValues> }) {
  const { t } = useTranslation();
  const categories = (Form.useWatch('categories', form) ?? []) as SchemeFormValues['categories'];
  const worths = categories.map((category) => (category?.items ?? []).reduce((sum, item) => sum + itemWorth(item), 0));
  return (
    <Typography.Text strong>
      {t('loop.scheme.worth', { points: Math.round(worths.reduce((a, b) => a + b, 0) * 100) / 100 })}
    </Typography.Text>
  );
}

/**
 * The scheme editor: categories of items, each with its weight (points) and scoring rule, grade bands,
 * the veto's effect and optional quarterly weights. The server validates the whole and names every problem;
 * editing sends the version read, so a concurrent edit answers 409. Give it a key per scheme and version: a form
 * takes its initial values once.
 */
export function SchemeEditor({
  scheme,
  onSaved,
}: {
  scheme: AssessmentScheme | undefined;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<SchemeFormValues>();
  const errors = useServerErrors(form);
  const save = useMutation({
    mutationFn: (values: SchemeFormValues) => {
      const definition = toDefinition(values);
      if (scheme) {
        return dataOf(
          api.PUT('/api/assessment/schemes/{id}', {
            params: { path: { id: scheme.id } },
            body: {
              year: values.year,
              name: values.name,
              assessedUnits: values.assessedUnits,
              definition,
              version: scheme.version,
            },
          }),
        );
      }
      return dataOf(
        api.POST('/api/assessment/schemes', {
          body: {
            code: values.code,
            year: values.year,
            name: values.name,
            ownerUnit: values.ownerUnit,
            assessedUnits: values.assessedUnits,
            definition,
          },
        }),
      );
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['assessment'] });
      if (!scheme) form.resetFields();
      onSaved(saved.id);
    },
    onError: errors.report,
  });
  return (
    <Form<SchemeFormValues>
      form={form}
      layout="vertical"
      initialValues={scheme ? toFormValues(scheme) : newSchemeValues(new Date().getFullYear())}
      onValuesChange={errors.clear}
      onFinish={(values) => save.mutate(values)}
    >
      <FormErrorAlert error={errors.error} />
      <Flex gap={8} wrap>
        <Form.Item name="code" label={t('loop.scheme.code')} rules={[{ required: true }, CODE_RULE]}>
          <Input disabled={scheme !== undefined} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="name" label={t('loop.scheme.name')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item name="year" label={t('loop.scheme.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="ownerUnit" label={t('loop.scheme.owner')} rules={[{ required: true }]} style={{ width: 260 }}>
          {scheme ? (
            <Select disabled options={[{ value: scheme.ownerUnit.code, label: scheme.ownerUnit.name }]} />
          ) : (
            <OrgUnitSelect />
          )}
        </Form.Item>
      </Flex>
      <Form.Item name="assessedUnits" label={t('loop.scheme.assessed')} rules={[{ required: true }]}>
        <OrgUnitSelect multiple known={scheme?.assessedUnits ?? []} />
      </Form.Item>
      <Flex gap={16} wrap align="start">
        <Form.Item name="vetoEffect" label={t('loop.scheme.vetoEffect')}>
          <Select
            style={{ width: 200 }}
            options={(['zero_total', 'lowest_grade'] as const).map((value) => ({
              value,
              label: t(`loop.scheme.vetoEffects.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('loop.scheme.bands')}>
          <Form.List name="bands">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((field) => (
                  <Space key={field.key}>
                    <Form.Item name={[field.name, 'grade']} noStyle rules={[{ required: true }]}>
                      <Input placeholder={t('loop.assessment.grade')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'atLeast']} noStyle rules={[{ required: true }]}>
                      <InputNumber addonBefore="≥" style={{ width: 120 }} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ grade: '', atLeast: 0 })}>
                  {t('loop.scheme.addBand')}
                </Button>
              </Flex>
            )}
          </Form.List>
          {/* Outside the list: inside it, the name would be read as one of the bands' fields. */}
          <Form.Item name="lowest" noStyle rules={[{ required: true }]}>
            <Input addonBefore={t('loop.scheme.lowest')} style={{ width: 200, marginTop: 4 }} />
          </Form.Item>
        </Form.Item>
        <Form.Item label={t('loop.scheme.quarterWeights')}>
          <Space>
            <Form.Item name="quarterly" valuePropName="checked" noStyle>
              <Switch />
            </Form.Item>
            {[0, 1, 2, 3].map((quarter) => (
              <Form.Item key={quarter} name={['quarterWeights', quarter]} noStyle>
                <InputNumber addonBefore={`Q${quarter + 1}`} addonAfter="%" min={0} max={100} style={{ width: 130 }} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
      </Flex>
      <Form.List name="categories">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                title={
                  <Space>
                    <Form.Item name={[field.name, 'code']} noStyle rules={[{ required: true }, CODE_RULE]}>
                      <Input placeholder={t('loop.scheme.categoryCode')} style={{ width: 130 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true }]}>
                      <Input placeholder={t('loop.scheme.categoryName')} style={{ width: 240 }} />
                    </Form.Item>
                  </Space>
                }
                extra={
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('loop.scheme.removeCategory')}
                  </Button>
                }
              >
                <Items form={form} category={field.name} />
              </Card>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                add({ code: '', name: '', items: [{ code: '', name: '', kind: 'timeliness', cadence: 'annual' }] })
              }
            >
              {t('loop.scheme.addCategory')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Flex gap={16} align="center" style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Worth form={form} />
      </Flex>
    </Form>
  );
}
