/** What part of an operative note a stretch of text belongs to. */
export type SectionKind =
  | 'preamble'
  | 'preop_dx'
  | 'postop_dx'
  | 'procedure'
  | 'indications'
  | 'history'
  | 'anesthesia'
  | 'findings'
  | 'narrative'
  | 'complications'
  | 'ebl'
  | 'specimens'
  | 'implants'
  | 'staff'
  | 'disposition'
  | 'plan'
  | 'other';

/**
 * Section headers of operative notes, by kind. A line whose start matches one of these
 * phrases (case-insensitive, followed by ":" or the end of the line) opens a section.
 * Source: OpNote Coder (own list, modelled on the idea of medspaCy's section rules).
 */
export interface SectionRule {
  kind: SectionKind;
  headers: string[];
}

export const SECTION_RULES: SectionRule[] = [
  { kind: 'preop_dx', headers: ['preoperative diagnosis', 'pre-operative diagnosis', 'preop diagnosis', 'pre-op diagnosis', 'preop dx', 'pre-op dx', 'preoperative diagnoses', 'pre-operative diagnoses', 'diagnosis', 'diagnoses', 'dx', 'indication for surgery and diagnosis'] },
  { kind: 'postop_dx', headers: ['postoperative diagnosis', 'post-operative diagnosis', 'postop diagnosis', 'post-op diagnosis', 'postop dx', 'post-op dx', 'postoperative diagnoses', 'post-operative diagnoses'] },
  { kind: 'procedure', headers: ['procedure performed', 'procedures performed', 'procedure', 'procedures', 'operation performed', 'operations performed', 'operation', 'name of procedure', 'title of procedure', 'proc', 'surgery performed', 'planned procedure', 'planned procedures', 'planned', 'procedure title', 'procedure actually performed', 'procedures actually performed', 'booked procedure', 'procedure booked', 'booking', 'as booked', 'operation title', 'intended procedure', 'intended operation', 'procedures planned', 'procedure planned', 'procedures planned/consented', 'procedures planned / consented', 'procedures consented', 'consented procedures', 'consented procedure', 'proposed procedure', 'proposed procedures', 'scheduled procedure', 'scheduled', 'scheduled for', 'booked', 'booked for', 'sched', 'procedure(s)', 'procedure(s) performed', 'procedure(s) planned', 'cpt', 'cpt codes', 'codes'] },
  { kind: 'indications', headers: ['indications', 'indication', 'indications for procedure', 'indications for surgery', 'indication for procedure', 'reason for procedure', 'cc', 'chief complaint', 'clinical indication', 'clinical indications', 'brief history', 'reason for surgery',
    // the risks consented to are not work done ('lead migration ... need for revision discussed')
    'consent', 'informed consent', 'consent obtained'] },
  { kind: 'history', headers: ['history', 'history of present illness', 'hpi', 'clinical history', 'background', 'past surgical history', 'hx', 'pmhx', 'pshx', 'relevant history', 'interval history', 'pmh', 'psh', 'past medical history', 'prior interventional', 'prior procedures', 'meds', 'medications', 'allergies', 'exam', 'physical exam', 'physical examination'] },
  { kind: 'anesthesia', headers: ['anesthesia', 'anesthesia type', 'type of anesthesia', 'anaesthesia', 'sedation', 'anesthetic'] },
  { kind: 'findings', headers: ['findings', 'operative findings', 'intraoperative findings', 'impedances', 'results'] },
  { kind: 'narrative', headers: ['description of procedure', 'description of the procedure', 'procedure description', 'procedure in detail', 'details of procedure', 'details of the procedure', 'operative procedure', 'operative description', 'description of operation', 'operative technique', 'technique', 'procedure details', 'procedure note', 'narrative', 'operative note', 'op note', 'description', 'detailed description', 'op description', 'course', 'procedure narrative', 'summary of procedure', 'op', 'operative course', 'details', 'operative details', 'surgical details', 'description of surgery', 'operative summary', 'procedure summary', 'surgical technique', 'operative findings and procedure', 'intraop', 'intra-op', 'intraoperative details', 'done', 'what was done', 'what i did', 'what we did', 'what i did what was done', 'procedure done', 'events', 'intraoperative course', 'steps'] },
  { kind: 'complications', headers: ['complications', 'complication', 'intraoperative complications', 'adverse events'] },
  { kind: 'ebl', headers: ['estimated blood loss', 'ebl', 'blood loss', 'fluids', 'ivf', 'urine output', 'drains'] },
  // devices taken out are listed like specimens: what is named there was removed
  { kind: 'specimens', headers: ['specimens', 'specimen', 'pathology', 'cultures', 'explanted devices', 'explants', 'explanted', 'explanted hardware', 'devices removed', 'hardware removed', 'removed devices'] },
  { kind: 'implants', headers: ['implants', 'implant', 'devices', 'device', 'hardware', 'implanted devices', 'device information', 'implant log', 'explant log', 'implant record', 'implant records', 'device log', 'implanted today', 'explanted devices', 'explants', 'implants/explants'] },
  { kind: 'staff', headers: ['surgeon', 'surgeons', 'attending', 'attending surgeon', 'primary surgeon', 'assistant', 'assistants', 'assistant surgeon', 'co-surgeon', 'cosurgeon', 'first assistant', 'resident', 'anesthesiologist', 'staff', 'provider', 'performing physician', 'physician'] },
  { kind: 'disposition', headers: ['disposition', 'condition', 'condition on discharge', 'condition at end of procedure', 'post-procedure', 'postoperative course', 'recovery', 'discharge'] },
  { kind: 'plan', headers: ['plan', 'postoperative plan', 'post-op plan', 'post-operative plan', 'follow-up', 'follow up', 'followup', 'recommendations', 'a/p', 'a p', 'assessment and plan', 'assessment/plan', 'impression and plan', 'impression/plan', 'instructions', 'postoperative instructions'] },
  { kind: 'other', headers: ['patient', 'name', 'mrn', 'dob', 'date of service', 'date of surgery', 'date', 'date of procedure', 'location', 'facility', 'laterality', 'side', 'position', 'antibiotics', 'wound class', 'tourniquet', 'time', 'time out', 'timeout', 'duration', 'referring physician'] },
];
