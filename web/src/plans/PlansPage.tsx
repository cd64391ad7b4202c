import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUrlParams } from '../common/use-url-params.ts';
import { Decisions } from './Decisions.tsx';
import { PlanTree } from './PlanTree.tsx';

/** Plans (numbered trees of any depth) and the decisions that create and amend them and issue tasks. */
export function PlansPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const tab = params.get('tab') === 'decisions' ? 'decisions' : 'plans';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => update({ tab: key === 'decisions' ? 'decisions' : null, decision: null })}
      items={[
        { key: 'plans', label: t('loop.plans.tab'), children: <PlanTree key={params.get('plan') ?? ''} /> },
        {
          key: 'decisions',
          label: t('loop.decisions.tab'),
          children: <Decisions opened={params.get('decision')} onOpen={(id) => update({ decision: id })} />,
        },
      ]}
    />
  );
}
