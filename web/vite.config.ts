import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Vendor code split by how often it changes and how large it is, so no chunk dwarfs the others. */
const vendorGroups = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'vendor-antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 25 },
  { name: 'vendor-rc', test: /node_modules[\\/](@rc-component|rc-[^\\/]+|dayjs)[\\/]/, priority: 22 },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design)[\\/]/,
    priority: 20,
    minSize: 100_000,
    maxSize: 400_000,
  },
  // Charts and spreadsheets are large and only some pages need them: their own chunks keep them off the first load.
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 28 },
  { name: 'vendor-exceljs', test: /node_modules[\\/]exceljs[\\/]/, priority: 28 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { output: { strictExecutionOrder: true, codeSplitting: { groups: vendorGroups } } },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
