/** The demo cities' plans as their own documents lay them out; a node's `children` nest to any depth. */
export type DemoNode = {
  number: string;
  title: string;
  targets?: Record<string, string>;
  indicators?: string[];
  children?: DemoNode[];
};
export type DemoPlan = { city: string; title: string; framework: string; decision: string; nodes: DemoNode[] };

export const demoPlans: DemoPlan[] = [
  {
    city: '4115',
    title: '信阳市“1335”工作布局',
    framework: '1335',
    decision: '中共信阳市委全会审议通过“1335”工作布局',
    nodes: [
      {
        number: '1',
        title: '一个目标：打造“信阳高质量生活”品牌',
        children: [{ number: '1.1', title: '建设“两个更好”示范区和高质量生活目的地' }],
      },
      {
        number: '2',
        title: '三个定位',
        children: [
          { number: '2.1', title: '鄂豫皖省际区域中心城市' },
          { number: '2.2', title: '大别山（豫南）高效生态经济示范区' },
          { number: '2.3', title: '长三角产业协同创新区' },
        ],
      },
      {
        number: '3',
        title: '三个突破',
        children: [
          { number: '3.1', title: '思想观念突破' },
          { number: '3.2', title: '营商环境突破', indicators: ['BUSINESS_ENV_RANK'] },
          { number: '3.3', title: '基层基础突破' },
        ],
      },
      {
        number: '4',
        title: '五个聚焦',
        children: [
          {
            number: '4.1',
            title: '聚焦产业绿色崛起',
            indicators: ['GDP', 'HIGH_TECH_FIRMS'],
            targets: { '2024': 'GDP 增长 6.5%' },
          },
          { number: '4.2', title: '聚焦建设花园城市', indicators: ['SPONGE_CITY_AREA'] },
          {
            number: '4.3',
            title: '聚焦乡村振兴率先',
            indicators: ['DEMO_VILLAGES'],
            targets: { '2024': '示范村 100 个、生态宜居村 1000 个' },
          },
          { number: '4.4', title: '聚焦交旅文创出彩' },
          { number: '4.5', title: '聚焦高质量生活引领', indicators: ['GOOD_AIR_DAYS'] },
        ],
      },
    ],
  },
  {
    city: '1409',
    title: '忻州市“五城联创”',
    framework: '5',
    decision: '忻州市委常委会研究部署“五城联创”工作',
    nodes: [
      {
        number: '1',
        title: '国家卫生城市',
        indicators: ['HYGIENE_COUNTIES'],
        targets: { '2024': '13 个国家卫生县城、8 个国家卫生乡镇巩固' },
      },
      { number: '2', title: '国家园林城市' },
      { number: '3', title: '智慧城市' },
      { number: '4', title: '全国文明城市' },
      {
        number: '5',
        title: '全域旅游示范市',
        children: [{ number: '5.1', title: '五台山、雁门关、芦芽山申遗与景区提升' }],
      },
    ],
  },
  {
    city: '1409',
    title: '忻州市“3659”脱贫攻坚战略',
    framework: '3659',
    decision: '忻州市脱贫攻坚领导小组印发“3659”脱贫攻坚实施方案',
    nodes: [
      {
        number: '1',
        title: '三大目标：两不愁三保障、贫困县摘帽、贫困村退出',
        indicators: ['POVERTY_INCIDENCE'],
        targets: { '2024': '巩固脱贫成果，不发生规模性返贫' },
      },
      {
        number: '2',
        title: '六大路径',
        children: [
          { number: '2.1', title: '产业扶贫' },
          { number: '2.2', title: '易地扶贫搬迁' },
          { number: '2.3', title: '生态扶贫' },
        ],
      },
      { number: '3', title: '五大保障', children: [{ number: '3.1', title: '教育、医疗、住房安全保障' }] },
      {
        number: '4',
        title: '九大工程',
        children: [
          { number: '4.1', title: '整村搬迁与旧村拆除复垦' },
          { number: '4.2', title: '光伏扶贫' },
        ],
      },
    ],
  },
];

export const demoActions = [
  '制定实施方案',
  '完成年度建设任务',
  '推进重点项目建设',
  '开展专项整治',
  '完成验收评估',
  '建立长效机制',
];
