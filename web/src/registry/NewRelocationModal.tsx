import { DatePicker, Form, type FormInstance, Input, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RelocationBody } from '../api/types.ts';
import { FormModal } from '../forms/FormModal.tsx';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { useCreateRelocation } from './registry-queries.ts';

/** The national cap on resettlement housing per person, checked here as typed and again by the server. */
export const CAP_M2_PER_PERSON = 25;
type Values = Omit<RelocationBody, 'movedOn'> & { movedOn: Dayjs };

/**
 * Records a relocation project: origin villages, the destination site's village, households and persons
 * moved, housing area (the area per person is shown against the 25 m² cap as it is typed) and reclaimed plots.
 */
export function NewRelocationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRelocation();

  return (
    <FormModal<Values>
      open
      name="relocation"
      title={t('registry.relocations.new')}
      width={560}
      initialValues={{ reclaimedPlotM2: 0 }}
      submit={(values) => create.mutateAsync({ ...values, movedOn: values.movedOn.format('YYYY-MM-DD') })}
      onClose={onClose}
    >
      {({ form }) => <RelocationFields form={form} />}
    </FormModal>
  );
}

/** The project's fields; the housing area shows its area per person against the cap as it is typed. */
function RelocationFields({ form }: { form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const persons = Form.useWatch('persons', form);
  const area = Form.useWatch('housingAreaM2', form);
  const perPerson = persons && area !== undefined && area !== null ? area / persons : undefined;
  const village = (unit: { level: number | null }) => unit.level === 5;
  return (
    <>
      <Form.Item name="name" label={t('registry.relocations.name')} rules={[{ required: true, min: 2, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="originVillageCodes" label={t('registry.relocations.origins')} rules={[{ required: true }]}>
        <OrgUnitSelect multiple allow={village} />
      </Form.Item>
      <Form.Item
        name="destinationVillageCode"
        label={t('registry.relocations.destination')}
        rules={[{ required: true }]}
      >
        <OrgUnitSelect allow={village} />
      </Form.Item>
      <Form.Item name="movedOn" label={t('registry.relocations.movedOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="households" label={t('registry.relocations.households')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="persons" label={t('registry.relocations.persons')} rules={[{ required: true }]}>
        <InputNumber min={1} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="housingAreaM2"
        label={t('registry.relocations.housingArea')}
        rules={[{ required: true }]}
        extra={
          perPerson === undefined ? (
            t('registry.relocations.cap')
          ) : (
            <Typography.Text type={perPerson > CAP_M2_PER_PERSON ? 'danger' : 'success'} data-testid="area-per-person">
              {perPerson > CAP_M2_PER_PERSON
                ? t('registry.relocations.overCap', { area: perPerson.toFixed(1) })
                : `${perPerson.toFixed(1)} ${t('registry.relocations.areaPerPerson')} · ${t('registry.relocations.cap')}`}
            </Typography.Text>
          )
        }
      >
        <InputNumber min={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reclaimedPlotM2" label={t('registry.relocations.reclaimed')}>
        <InputNumber min={0} style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}
