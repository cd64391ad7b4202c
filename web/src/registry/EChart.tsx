import * as echarts from 'echarts';
import { type CSSProperties, useEffect, useRef } from 'react';

type Props = { option: echarts.EChartsCoreOption; style?: CSSProperties; ariaLabel: string };

/** One ECharts instance for the element's lifetime; a new option is merged in, the chart follows resizes. */
export function EChart({ option, style, ariaLabel }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={element} role="img" aria-label={ariaLabel} style={{ height: 320, ...style }} />;
}
