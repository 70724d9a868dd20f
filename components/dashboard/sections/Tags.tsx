import { TagManager } from '../../popup/TagManager';
import type { SectionContext } from '../DashboardApp';

/** The same tag manager as the popup, with room to breathe. */
export function Tags({ ctx }: { ctx: SectionContext }) {
  return (
    <div class="narrow">
      <TagManager notify={ctx.notify} />
    </div>
  );
}
