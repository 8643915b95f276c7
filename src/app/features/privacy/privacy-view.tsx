import { PrivacyPanel } from './privacy-panel';

/** The Privacy view (#/privacy): the controls, and what the app does and does not do with a note. */
export function PrivacyView() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4 p-3 sm:p-4" aria-labelledby="privacy-view-heading" data-testid="privacy-view">
      <h2 id="privacy-view-heading" className="text-lg font-semibold">
        Privacy
      </h2>
      <PrivacyPanel />
      <section className="card p-4 text-sm" aria-labelledby="privacy-how">
        <h3 id="privacy-how" className="font-semibold">
          How a note is handled
        </h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-200">
          <li>The note is read on this device, in a background worker of this page. Nothing is sent anywhere: the page allows no connection to any other site.</li>
          <li>By default nothing is kept: the note lives in this tab’s memory and is gone when you close the tab.</li>
          <li>With history on, each analysed note and its claim lines are saved in this browser’s storage (IndexedDB) until you delete them.</li>
          <li>Masking replaces names, record numbers, dates and phone numbers in what you copy or export; the note on screen is unchanged.</li>
          <li>After the first visit the app works offline.</li>
        </ul>
      </section>
    </main>
  );
}
