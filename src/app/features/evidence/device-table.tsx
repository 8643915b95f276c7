import type { DeviceRecord } from '../../../engine/types';
import { ReasonItem } from '../suggestions/reason-item';

/**
 * The device ledger as a compact table: each device of the session, what was done to it (each
 * act a button that lights its words in the note) and where it ended up.
 */
export function DeviceTable({ devices }: { devices: DeviceRecord[] }) {
  if (!devices.length) return null;
  return (
    <details open className="border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-700" data-testid="device-ledger">
      <summary className="cursor-pointer font-medium">Devices in this session ({devices.length})</summary>
      <table className="mt-2 w-full table-fixed border-collapse text-left">
        <thead>
          <tr className="text-xs text-slate-500 dark:text-slate-400">
            <th scope="col" className="w-1/4 py-1 pr-2 font-medium">Device</th>
            <th scope="col" className="py-1 pr-2 font-medium">What was done</th>
            <th scope="col" className="w-1/3 py-1 font-medium">At the end</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} className="border-t border-slate-100 align-top dark:border-slate-800">
              <th scope="row" className="py-1 pr-2 font-normal">
                <ReasonItem id={`device-${d.id}`} evidence={d.evidence}>
                  {d.label}
                  {d.side ? ` (${d.side})` : ''}
                  {d.brand ? ` · ${d.brand}` : ''}
                </ReasonItem>
              </th>
              <td className="py-1 pr-2">
                <ul>
                  {d.acts.map((a, i) => (
                    <li key={i}>
                      <ReasonItem id={`device-${d.id}-act-${i}`} evidence={a.evidence}>
                        {a.text}
                      </ReasonItem>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-1">{d.stateText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
