import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, type GetRef, Spin, Tree, type TreeDataNode } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { OrgUnit } from '../api/types.ts';
import { useElementHeight } from '../common/use-element-height.ts';
import { type AsOf, childrenQuery, rootsQuery } from './org-queries.ts';
import { UnitIcon } from './UnitIcon.tsx';
import { UnitTreeTitle } from './UnitTreeTitle.tsx';
import { useRevealInTree } from './use-reveal-in-tree.ts';

type Props = { asOf: AsOf; includeEnded: boolean; selectedCode: string | undefined; onSelect: (code: string) => void };

/** Villages and departments never have sub-units; others may, including ended ones when those are shown. */
function mayHaveChildren(unit: OrgUnit, includeEnded: boolean): boolean {
  if (unit.kind === 'department' || unit.level === 5) return false;
  return unit.childCount > 0 || includeEnded;
}

function toNode(unit: OrgUnit, childrenOf: Map<string, OrgUnit[]>, includeEnded: boolean): TreeDataNode {
  const children = childrenOf.get(unit.code);
  return {
    key: unit.code,
    title: <UnitTreeTitle unit={unit} />,
    icon: <UnitIcon unit={unit} />,
    isLeaf: !mayHaveChildren(unit, includeEnded),
    children: children?.map((child) => toNode(child, childrenOf, includeEnded)),
  };
}

/**
 * The org tree, loaded a level at a time. Its shape comes straight from the query cache (the tops plus the
 * children of every open node), so any refetch after a change shows up here without further bookkeeping.
 */
export function OrgTree({ asOf, includeEnded, selectedCode, onSelect }: Props) {
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState<string[]>([]);
  const roots = useQuery(rootsQuery(asOf));
  const childLists = useQueries({ queries: expanded.map((code) => childrenQuery(code, asOf, includeEnded)) });
  const childrenOf = new Map<string, OrgUnit[]>();
  expanded.forEach((code, index) => {
    const children = childLists[index]?.data;
    if (children) childrenOf.set(code, children);
  });
  const treeData = (roots.data ?? []).map((unit) => toNode(unit, childrenOf, includeEnded));

  const pendingScroll = useRevealInTree(selectedCode, asOf, setExpanded);
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const height = useElementHeight(boxRef);
  const visibleCodes = new Set([...childrenOf.values()].flatMap((children) => children.map((unit) => unit.code)));
  const scrollTarget = pendingScroll.current;
  const targetVisible =
    scrollTarget !== undefined &&
    (visibleCodes.has(scrollTarget) || roots.data?.some((unit) => unit.code === scrollTarget));

  useEffect(() => {
    if (!scrollTarget || !targetVisible) return;
    pendingScroll.current = undefined;
    treeRef.current?.scrollTo({ key: scrollTarget, align: 'auto' });
  }, [scrollTarget, targetVisible, pendingScroll]);

  if (roots.isError) return <Alert type="error" showIcon title={roots.error.message} />;
  return (
    <div ref={boxRef} style={{ flex: 1, minHeight: 0 }}>
      {roots.isPending || height === 0 ? (
        <Spin style={{ display: 'block', marginTop: 48 }} />
      ) : (
        <Tree
          ref={treeRef}
          showIcon
          blockNode
          height={height}
          treeData={treeData}
          expandedKeys={expanded}
          loadedKeys={[...childrenOf.keys()]}
          selectedKeys={selectedCode ? [selectedCode] : []}
          onExpand={(keys) => setExpanded(keys.map(String))}
          onSelect={(_, { node }) => onSelect(String(node.key))}
          loadData={async ({ key }) => {
            await queryClient.ensureQueryData(childrenQuery(String(key), asOf, includeEnded));
          }}
        />
      )}
    </div>
  );
}
