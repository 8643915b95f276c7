import { useAnalysis } from '../../lib/use-analysis';
import { useHistoryRecorder } from './history';

/**
 * Saves analysed notes when history is on, whichever view the note was typed or opened in
 * (workspace, documentation check, a batch row opened): mounted once, in the shell. The
 * analysis is shared with the views through the query cache (keyed by the note text).
 */
export function HistoryRecorder() {
  const { data, updating } = useAnalysis();
  useHistoryRecorder(data, updating);
  return null;
}
