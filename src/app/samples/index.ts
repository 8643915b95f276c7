/**
 * Built-in sample notes (invented, no patient data), imported as raw text so they ship in
 * the main bundle without any request.
 */
import scsTrial from './scs-trial.txt?raw';
import scsIpg from './scs-ipg.txt?raw';
import sacralStage1 from './sacral-stage1.txt?raw';
import sacralStage2 from './sacral-stage2.txt?raw';
import pnsIntegrated from './pns-integrated.txt?raw';
import vns from './vns.txt?raw';
import outOfScope from './out-of-scope.txt?raw';

export interface SampleNote {
  id: string;
  title: string;
  text: string;
}

export const SAMPLES: SampleNote[] = [
  { id: 'scs-trial', title: 'SCS trial — two percutaneous leads', text: scsTrial },
  { id: 'scs-ipg', title: 'SCS permanent — leads and IPG', text: scsIpg },
  { id: 'sacral-stage1', title: 'Sacral stage 1 — tined lead, no pocket', text: sacralStage1 },
  { id: 'sacral-stage2', title: 'Sacral stage 2 — generator', text: sacralStage2 },
  { id: 'pns-integrated', title: 'PNS — integrated neurostimulator', text: pnsIntegrated },
  { id: 'vns', title: 'VNS — vagus nerve stimulator', text: vns },
  { id: 'out-of-scope', title: 'Out of scope — cholecystectomy', text: outOfScope },
];
