import { Input } from 'antd';
import { useState } from 'react';

type Props = { value: string; placeholder: string; width: number; onSearch: (value: string) => void };

/**
 * A search box for a filter kept in the URL: what is typed stays a draft until searched, and the box follows the
 * URL when it changes under it (back, forward, a link to the page with other filters).
 */
export function FilterSearch({ value, placeholder, width, onSearch }: Props) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onSearch={onSearch}
      style={{ width }}
    />
  );
}
