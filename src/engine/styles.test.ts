import { describe, expect, it } from 'vitest';
import { analyze } from './index';

/**
 * Short notes in the styles coders meet (terse, dictated, all caps, run-on, abbreviated),
 * each with the claim lines a coder would give. Written for this project.
 */
const CASES: [string, string, string[] | null][] = [
  ['terse generator exchange', 'Dx: FBSS. Proc: SCS IPG exch (ERI). Old IPG explanted L flank, new IPG connected to existing leads, placed in same pocket. No comps.', ['63685 x1']],
  ['terse trial', 'Perc SCS trial x2 leads T8-T10, ext stim. EBL min.', ['63650 x2']],
  ['bilateral PNE', 'Bilat S3 PNE, test stim good bilaterally, connected to ext stim.', ['64561-50 x1']],
  ['all caps removal', 'PROCEDURE: REMOVAL OF PERIPHERAL NERVE STIMULATOR LEAD, RIGHT SUPRASCAPULAR NERVE. THE LEAD WAS IDENTIFIED THROUGH A SMALL INCISION AND REMOVED INTACT.', ['64585-RT x1']],
  ['hypoglossal system', 'Hypoglossal nerve stimulator implant (Inspire): right submandibular incision, the medial branch of the hypoglossal nerve isolated and the stimulation cuff placed. Sensing lead placed between the external and internal intercostal muscles via a right chest incision. IPG placed in a right infraclavicular pocket and both leads connected.', ['64582-RT x1']],
  ['VNS battery change', 'VNS generator change: left chest incision reopened, AspireSR removed, new SenTiva connected to existing lead and implanted in same pocket.', ['61885 x1']],
  ['DBS leads with recording', 'Bilateral STN DBS lead implantation with microelectrode recording (two passes on the left, one on the right). Both leads secured with StimLoc caps.', ['61867 x1', '61868 x1']],
  ['trial with plan', 'Percutaneous SCS trial with one lead to T9, connected to external trial generator. If the trial is successful, she will return for the permanent implant with a rechargeable IPG in the flank.', ['63650 x1']],
  ['stage 2 reusing the pocket', 'Stage 2 InterStim: the left buttock incision was reopened; the existing pocket from stage 1 was used; no new pocket was needed. The tined lead was connected to the new InterStim II generator which was placed in the pocket.', ['64590 x1']],
  ['laparoscopic gastric system', 'Laparoscopic gastric electrical stimulator: two electrodes implanted in the gastric antrum muscularis laparoscopically, brought out through the abdominal wall and connected to the Enterra neurostimulator in a subcutaneous pocket created in the right upper quadrant.', ['43647 x1', '64590 x1']],
  ['spinal level without the word epidural', 'Two percutaneous leads were advanced to T8 under fluoroscopy and connected to the external trial stimulator.', ['63650 x2']],
  ['lead tip at a cervical level', 'Single perc lead placed via T1-T2 needle entry, tip at C2. Connected to ext trial stim.', ['63650 x1']],
  ['terse pocket as a list item', '6/3/31 perm SCS. 2 perc leads via L1-2, tips T7 + T8, anchored, fluoro. L flank IPG pocket, leads tunneled + connected, imp nl.', ['63650 x2', '63685 x1']],
  ['explants listed under their own header', 'Explants: 2 percutaneous leads, 2 anchors, 1 IPG\nNarrative: Infected SCS. Pocket opened, IPG removed, both epidural leads withdrawn intact.', ['63661 x1', '63688 x1']],
  ['laparoscopy converted to open', 'Gastric stimulator. Laparoscopy showed dense adhesions and the decision was made to convert. An upper midline laparotomy was made and two electrodes placed in the antral muscularis, connected to the generator in a subcutaneous pocket created in the left upper quadrant.', ['43881 x1', '64590 x1']],
  ['return to the OR named in the history', 'DOS 06/17/2031\nHistory: I implanted percutaneous SCS leads on 06/10/2031; the left lead migrated. This return to the OR was not planned.\nProcedure: under fluoroscopy the left epidural lead was withdrawn a few centimeters and re-steered to T8, then re-anchored.', ['63663-78 x1']],
  ['extra minutes stated after the number', 'Removal of the left vagus nerve stimulator lead and generator through the old neck and chest incisions. Because of dense scar around the coils the case took about 95 minutes of extra operating time.', ['64570-22-LT x1']],
  ['TENS fitting in clinic', 'TENS unit fitting: 4 self-adhesive pads placed over the lumbar paraspinals, settings taught, unit dispensed. No implanted device; a spinal cord stimulator was discussed.', null],
  ['template lead count and numbered leads', 'Procedure: [x] Peripheral nerve stimulation - implanted lead(s) with integrated receiver\nSide: [x] R\nNumber of leads: 2\nLead 1 - right sciatic nerve under ultrasound, introducer advanced, lead deployed, receiver end tacked to fascia.\nLead 2 - right femoral nerve, same sequence, lead deployed. No implanted pulse generator, no battery pocket.', ['64596-RT x1', '64597-RT x1']],
  ['sensing lead replaced, generator kept', 'Hypoglossal nerve stimulator, right. The IPG was delivered from its capsule and the sensing lead unplugged. The old sensing lead was withdrawn and removed. A new respiratory sensing lead was placed between the intercostal muscles and tunneled to the pocket. It was connected to the existing IPG. The generator was not replaced.', ['64583-RT x1']],
  ['an earlier dated operation and an unrelated trial in its global period', 'Date of procedure: October 21, 2025\nI implanted bilateral subthalamic DBS leads on 09/03/2025 and the generator on 09/12/2025; she is inside the 90-day global. Today\'s procedure is unrelated to the DBS system.\nProcedure: percutaneous SCS trial. Under fluoroscopy a Tuohy needle entered the epidural space at L1-2 and the first lead was passed to the superior endplate of T8; a second lead was steered to the T8-T9 disc space. Both connected to the external trial stimulator.', ['63650-79 x2']],
  ['telegraphic verb without a subject', 'Procedure 08/14/2025. L supraorbital neuralgia. US-guided perc 8-contact lead along L supraorbital n. above brow. Secured to skin, conn to ext trial stim.', ['64553-LT x1']],
  ['Title-case headers alone on their lines', 'Procedure: Open placement of left S3 sacral neuromodulation lead (stage 1)\n\nTechnique\n- Left S3 foramen seen directly through a paramedian incision\n- Tined lead passed into the foramen under direct vision\n- Connected to the external trial stimulator\n\nPlan\n- Stage 2 generator if improved; lead removal if not', ['64581-LT x1']],
  ['stopped after anesthesia, planned procedure in its own header', 'Planned: lap revision of gastric stimulator electrode. Generator not to be touched.\nCourse: optical trocar entry, insufflation, then abrupt EtCO2 drop; concern for gas embolism. Procedure ABORTED for patient safety. Electrodes not seen, not manipulated.', ['43648-53 x1']],
  ['co-surgery with the author alone on the generator', 'SURGEON (AUTHOR): A. K. OSEI, MD\nCO-SURGEON: M. HALVORSEN, MD\nPROCEDURES:\n1. REVISION OF THORACIC PADDLE ELECTRODE THROUGH THE SAME LAMINECTOMY (CO-SURGERY).\n2. REPLACEMENT OF SPINAL CORD STIMULATOR PULSE GENERATOR (DR. OSEI ONLY).\nDESCRIPTION: Dr. Halvorsen reopened the laminectomy. I removed the migrated paddle and a new paddle was passed through the same laminectomy and positioned at T8. I reopened the buttock pocket, removed the depleted generator and connected the new lead to a new generator placed in the same pocket.', ['63664-62 x1', '63685 x1']],
  ['system removal with one part left behind', 'Removal of the right hypoglossal nerve stimulator. The stimulation cuff was freed and the stimulation lead removed. The generator was delivered from its pocket and removed. The sensing lead was cut, capped and left in place; the respiratory sensing lead was not removed.', ['64584-52-RT x1']],
  ['two single-channel generators in a planned second stage', 'Date of operation: January 22, 2026\nSecond stage of a planned two-stage bilateral DBS. On January 13, 2026 I placed bilateral globus pallidus leads. Today, as planned, two single-channel, non-rechargeable generators, one under each clavicle. Left: a pocket was made, the extension tunneled and connected to the left lead and the left generator. Right: same steps, right pocket, connection to the right generator.', ['61885-50-58 x1']],
  ['past PTNS in the indication, sacral stage 2 today', 'Date of surgery: 04/21/2026\nIndication: urgency incontinence; completed 12 weeks of PTNS without benefit. Left S3 tined lead placed on 04/14/2026 as stage 1, second stage planned.\nDescription: the stage 1 incision was reopened, the extension removed, the space enlarged into a pocket, the tined lead seated in the new IPG header and the generator placed in the pocket.', ['64590-58 x1']],
  ['coming back to the OR for a migrated lead', 'Date of procedure: 09/10/2025\nI implanted the permanent system on 09/02/2025. The left lead migrated; this was not expected and after discussing options she chose to come back to the OR today.\nUnder fluoroscopy the left epidural lead was advanced back to the top of T8 and the anchor re-secured. The IPG pocket was not opened.', ['63663-78 x1']],
  ['the same generator moved to a new pocket', 'SCS. IPG freed from its capsule and disconnected. A new subcutaneous pocket was made higher on the flank. The leads were re-tunneled. The SAME IPG was reconnected - a new generator was not needed and none was opened. Old pocket closed.', ['63688 x1']],
  ['a paddle re-centered through the old laminotomy', '- Paddle SCS placed 07/2024 via T10 laminotomy.\n- Old midline incision opened, scar taken down to the lamina\n- Paddle freed, re-centered to midline and advanced to T8-9; fluoro ok\n- IPG not touched', ['63664 x1']],
  ['all-caps generator shorthand', 'VNS GEN CHANGE L CHEST, EOS. OLD GEN OUT, NEW GEN IN, CONN TO EXISTING LEAD. NECK NOT OPENED, LEAD NOT TOUCHED.', ['61885 x1']],
  ['Hx and Op headers in a terse note', 'Dx: urge incontinence.\nHx: Right S3 PNE done 02/06/2026 in the office, wire pulled 02/11. Full implant today.\nOp: Tined lead R S3 + IPG.\n- Foramen needle into R S3 under fluoro, tined lead deployed.\n- R upper buttock subQ pocket made, lead tunneled and connected to IPG, IPG into pocket.', ['64561-RT x1', '64590 x1']],
  ['paddle electrode on a peripheral nerve is open', 'Procedure: right common peroneal nerve stimulator with flank generator.\nDetails: A 4-contact paddle electrode was laid under the right common peroneal nerve and sutured to fascia. A flank pocket was made and the lead tunneled and connected to the generator.', ['64575-RT x1', '64590 x1']],
  ['consult only', 'Neurosurgery consult. Discussed spinal cord stimulator trial. Risks of lead migration, infection and need for generator replacement discussed. Plan: schedule percutaneous trial.', null],
  ['pacemaker change', 'Generator change: the old pacemaker was removed and a new pulse generator was connected to the existing atrial and ventricular leads.', null],
  ['intrathecal pump', 'Intrathecal pump replacement: the old SynchroMed pump was removed from the abdominal pocket, the catheter was connected to a new pump, placed in the pocket.', null],
];

describe('note styles', () => {
  it.each(CASES)('%s', (_name, note, expected) => {
    const a = analyze(note);
    if (expected === null) {
      expect(a.inScope).toBe(false);
      expect(a.outOfScopeReason).toMatch(/^No /);
    } else {
      expect(a.suggestions.map((s) => `${[s.code, ...s.modifiers.map((m) => m.code)].join('-')} x${s.units}`)).toEqual(expected);
    }
  });
});
