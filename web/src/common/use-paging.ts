import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

/**
 * The page a server-paged table shows: the slice to ask the server for, the table's pagination once the server
 * has said how many rows there are, and a way back to the first page when a filter changes the rows.
 */
export function usePaging(pageSize = 20) {
  const [page, setPage] = useState(1);
  return {
    slice: { offset: (page - 1) * pageSize, limit: pageSize },
    firstPage: () => setPage(1),
    pagination: (total: number | undefined): TablePaginationConfig => ({
      current: page,
      pageSize,
      total,
      onChange: setPage,
      showSizeChanger: false,
    }),
  };
}
