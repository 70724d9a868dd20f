import { useCallback } from 'preact/hooks';
import { groupsApi } from '../../groups/api';
import { GroupsView } from '../../groups/GroupsView';
import { useI18n } from '../../ui/i18nContext';
import type { SectionContext } from '../DashboardApp';
import './groups.css';

/**
 * Discovered groups (k-means over buyer behaviour): run on demand, groups side by side, the
 * cross-table against the rule-based segments, a group's buyers (opening the dashboard's buyer
 * card) and "save as tag", after which the tag can be exported and shows on badges.
 */
export function Groups({ ctx }: { ctx: SectionContext }) {
  const { locale } = useI18n();
  const { notify } = ctx;
  const say = useCallback((text: string) => notify({ text }), [notify]);
  return <GroupsView api={groupsApi} locale={locale} onOpenBuyer={ctx.openBuyer} notify={say} />;
}
