import { useAnalysis } from '../../lib/use-analysis';
import { NoteInput } from '../note-input/note-input';
import { EvidenceView } from '../evidence/evidence-view';
import { DocCheckPanel } from './doccheck-panel';

/** Surgeon view: the workspace note, its evidence, and the documentation checklist (first on a phone). */
export function DocCheckView() {
  const { data, updating, empty } = useAnalysis();
  return (
    <main className="mx-auto grid max-w-[1800px] grid-cols-[minmax(0,1fr)] gap-3 p-3 sm:gap-4 sm:p-4 lg:grid-cols-2 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)_minmax(0,1fr)]" data-testid="doccheck-view">
      <NoteInput />
      <EvidenceView result={data} updating={updating} empty={empty} />
      <div className={`min-w-0 lg:col-span-2 xl:col-span-1 ${empty ? '' : 'max-lg:order-first'}`}>
        <DocCheckPanel result={empty ? undefined : data} updating={updating} />
      </div>
    </main>
  );
}
