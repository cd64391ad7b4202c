import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import type { AssessmentScheme } from '../loop/types.ts';

type Values = {
  code: string;
  name: string;
  year: number;
  ownerUnit: string;
  assessedUnits: string;
  definition: string;
};

/**
 * The scheme editor: categories, items, weights and rules as the JSON the server validates (every problem is
 * named back: duplicate codes, weights, grade bands…). Editing sends the version read; a new code creates.
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
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const [jsonError, setJsonError] = useState<string>();
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const definition = JSON.parse(values.definition) as AssessmentScheme['definition'];
      const assessedUnits = values.assessedUnits.split(/[,，\s]+/).filter(Boolean);
      if (scheme && scheme.code === values.code) {
        return dataOf(
          api.PUT('/api/assessment/schemes/{id}', {
            params: { path: { id: scheme.id } },
            body: { year: values.year, name: values.name, assessedUnits, definition, version: scheme.version },
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
            assessedUnits,
            definition,
          },
        }),
      );
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['assessment'] });
      onSaved(saved.id);
    },
    onError: errors.report,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      key={scheme?.id ?? 'new'}
      initialValues={
        scheme
          ? {
              code: scheme.code,
              name: scheme.name,
              year: scheme.year,
              ownerUnit: scheme.ownerUnit.code,
              assessedUnits: scheme.assessedUnits.map((u) => u.code).join(', '),
              definition: JSON.stringify(scheme.definition, null, 2),
            }
          : {
              year: new Date().getFullYear(),
              definition:
                '{\n  "vetoEffect": "zero_total",\n  "grades": { "bands": [{ "grade": "excellent", "atLeast": 90 }], "lowest": "fail" },\n  "categories": []\n}',
            }
      }
      onValuesChange={() => {
        errors.clear();
        setJsonError(undefined);
      }}
      onFinish={(values) => {
        try {
          JSON.parse(values.definition);
        } catch (error) {
          setJsonError((error as Error).message);
          return;
        }
        save.mutate(values);
      }}
    >
      <FormErrorAlert error={errors.error} />
      {jsonError && <Typography.Text type="danger">{jsonError}</Typography.Text>}
      <Flex gap={8}>
        <Form.Item name="code" label={t('loop.scheme.code')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('loop.scheme.name')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item name="year" label={t('loop.scheme.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="ownerUnit" label={t('loop.scheme.owner')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="assessedUnits" label={t('loop.scheme.assessed')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="definition" label={t('loop.scheme.definition')} rules={[{ required: true }]}>
        <Input.TextArea rows={18} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
