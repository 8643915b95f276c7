import { ConceptSchema, type Concept, type ConceptInput } from './concept-schema';
import { MODIFIER_CONCEPTS } from './concepts-modifiers';
import { DEVICE_CATALOGUE } from './device-catalogue';

/**
 * Trigger phrases for every fact the engine reads, as data. Own work of OpNote Coder,
 * written from the coding reference in shared/domain (not copied from any list).
 * Pattern language: see concept-schema.ts.
 */
const RAW: ConceptInput[] = [
  // ---- targets -------------------------------------------------------------
  { id: 'target.spinal', kind: 'target', value: 'spinal', label: 'spinal (epidural)', patterns: [
    'epidural|epidurally', 'spinal cord stimulat*', 'spinal cord', 'scs', 'dorsal column*', 'dorsal root ganglion', 'drg', 'intraspinal',
    '/^[ct]\\d{1,2}$/ vertebral|vertebra|level|superior|endplate', 'top of /^[ct]\\d{1,2}$/', 'tip of the lead|leads ~3 /^[ct]\\d{1,2}$/', 'spinal neurostimulat*', 'spinal stimulat*',
    'interlaminar', 'lumbar|thoracic|cervical epidural', 'laminotomy|laminectomy|hemilaminotomy|hemilaminectomy', 'thoracic|cervical paddle|lead|leads|spine', 'midline /^[ct]\\d{1,2}$/',
    // a lead steered to a thoracic or cervical level ("advanced to T8", "tips at T9", "up to C2")
    'advanced|positioned|placed|steered|threaded|parked|navigated|driven to|at|over ~1 /^[ct]\\d{1,2}(-[ct]?\\d{1,2})?$/', 'endplate|endplates|pedicle|pedicles|interspace|disc|lamina of ~1 /^[ct]\\d{1,2}(-[ct]?\\d{1,2})?$/',
    '/^[ct]\\d{1,2}-[ct]?\\d{1,2}$/ disc|interspace|level|levels|space', 'tip|tips|contacts at|to /^[ct]\\d{1,2}$/', 'up to /^[ct]\\d{1,2}$/', 'anatomic midline', 'physiologic midline', 'loss of resistance',
  ] },
  { id: 'target.sacral', kind: 'target', value: 'sacral', label: 'sacral nerve', patterns: [
    'sacral', '/^s[2-4]$/', 's - 3|4', 'interstim*', 'axonics', 'snm', 'sacral neuromodulation', 'foramen|foramina|foraminal ~3 s2|s3|s4|sacrum|sacral', 's2|s3|s4|sacral ~3 foramen|foramina|foraminal', 'pne', 'tined lead|leads',
    'bellows', 'great toe', 'overactive bladder', 'urinary retention', 'fecal incontinence', 'urge incontinence',
  ] },
  { id: 'target.peripheral', kind: 'target', value: 'peripheral', label: 'peripheral nerve', patterns: [
    'peripheral nerve', 'pns', 'peripheral neurostimulat*', 'peripheral stimulat*', 'occipital nerve|nerves', 'greater|lesser occipital', 'gon|lon', 'occipital neuralgia|scalp', 'sciatic', 'femoral nerve', 'genicular',
    'saphenous', 'median|ulnar|radial|axillary|suprascapular|intercostal|ilioinguinal|iliohypogastric|genitofemoral|pudendal|peroneal|sural|tibial|cluneal|brachial nerve|nerves',
    'brachial plexus', 'medial branch|branches', 'sprint', 'stimrouter', 'peripheral nerve stimulator|stimulation',
  ] },
  { id: 'target.gastric', kind: 'target', value: 'gastric', label: 'gastric', patterns: [
    'gastric', 'antrum|antral', 'stomach', 'enterra', 'gastroparesis', 'lesser curvature', 'greater curvature', 'pylorus',
  ] },
  { id: 'target.vagus', kind: 'target', value: 'vagus', label: 'vagus / cranial nerve', patterns: [
    'vagus|vagal', 'vns', 'carotid sheath', 'cranial nerve', 'aspiresr|sentiva|livanova|cyberonics', 'demipulse', 'trigeminal|supraorbital|supratrochlear|infraorbital', 'gasserian', 'foramen ovale', 'meckel|meckel\'s cave', 'sphenopalatine',
    // older dictation names the vagus system by its indication: "his seizure stimulator battery"
    'seizure|seizures|epilepsy stimulator|stimulators',
  ] },
  { id: 'target.hypoglossal', kind: 'target', value: 'hypoglossal', label: 'hypoglossal nerve', patterns: [
    'hypoglossal', 'inspire', 'upper airway stimulat*', 'sleep apnea', 'osa', 'genioglossus', 'respiratory sensing|sensor', 'intercostal muscles', 'sensing lead',
  ] },
  { id: 'target.intracranial', kind: 'target', value: 'intracranial', label: 'intracranial (deep brain)', patterns: [
    'dbs', 'deep brain', 'subthalamic', 'stn', 'gpi', 'globus pallidus', 'vim', 'thalamus|thalamic', 'burr hole|holes', 'stereotactic|stereotaxic', 'microelectrode',
    'cortical stimulation|electrode|electrodes|strip', 'brain', 'leksell', 'intracranial',
  ] },
  { id: 'target.neuromuscular', kind: 'target', value: 'neuromuscular', label: 'neuromuscular', patterns: [
    'neuromuscular', 'motor point', 'muscle atrophy', 'atrophy', 'spasm|spasms|spasticity', 'motor nerve', 'muscle stimulation', 'multifidus', 'intramuscular',
  ] },
  { id: 'target.tibial', kind: 'target', value: 'tibial', label: 'posterior tibial nerve (PTNS)', patterns: [
    'ptns', 'percutaneous tibial nerve stimulation', 'tibial nerve stimulation', 'urgent pc',
  ] },

  // ---- components ----------------------------------------------------------
  { id: 'component.array', kind: 'component', value: 'array', label: 'electrode array (lead)', patterns: [
    'lead|leads', 'electrode|electrodes', 'array|arrays', 'octrode|octrodes', 'quadripolar|octapolar|octad', 'tined', 'contacts', 'wire|wires', 'trial lead|leads',
    'cuff', 'ipg lead',
    // voice recognition writes the noun "lead" as "led": only after a determiner or a device word
    'the|a|two|2|dual|contact|stimulation|stimulating|trial|second|first|third|new|old|permanent|tined|percutaneous|both|each|spinal|sacral led|leds', 'percutaneous lead', 'pne|pnes', 'stimulator|stimulation|neurostimulator|stimulating|spinal|sacral|occipital|tined|permanent|trial lead|leads|electrode|electrodes|array|arrays',
  ] },
  { id: 'component.paddle', kind: 'component', value: 'paddle', label: 'paddle (plate) array', patterns: ['paddle|paddles', 'plate electrode', 'surgical lead', 'lamitrode', 'penta|specify'] },
  { id: 'component.generator', kind: 'component', value: 'generator', label: 'pulse generator / receiver', patterns: [
    'ipg|ipgs', 'generator|generators', 'gen|gens ~1 change|out|in|replaced|removed|exchanged|explanted|connected|placed|pocket', 'old|new|vns|scs|snm|dbs gen', 'pulse generator', 'battery|batteries', 'receiver', 'neurostimulator device', 'stimulator device', 'implantable pulse generator', 'inspire device',
    'interstim ii|micro|x', 'proclaim|intellis|wavewriter|evoke|percept|activa|vercise|genus|sentiva|aspiresr|r20|f15|hfx', 'enterra ii|2', 'new enterra', 'demipulse|senza|prodigy|eterna|liberta|omnia',
  ] },
  { id: 'component.integrated', kind: 'component', value: 'integrated', label: 'integrated (single-unit) system', patterns: [
    'integrated', 'microstimulator|microstimulators', 'micro - stimulator', 'single - component|unit', 'leadless', 'battery - free', 'built into the array|arrays|lead|electrode', 'receiver built into', 'receiver - array',
    // (an alternative group is one token: "receiver|pulse generator" would need "generator" after it)
    'built - in ~2 receiver|stimulator|electronics|generator', 'embedded|integral|onboard ~2 receiver|stimulator|electronics|generator', 'on - board ~2 receiver|stimulator|electronics', 'receiver - stimulator', 'built-in ~2 receiver|stimulator|electronics',
    'wireless|injectable lead|leads|stimulator|stimulators|microstimulator', 'its own receiver|stimulator|receiver-stimulator|electronics', 'its own built-in|internal|implanted|onboard|integrated receiver|stimulator|electronics',
    // ("its own external stimulator" is an external device, not a built-in one: no gap before the device word)
  ] },
  { id: 'component.device', kind: 'component', value: 'device', label: 'device (generic)', patterns: ['device|devices', 'unit', 'stimulator|stimulators|neurostimulator|neurostimulators', 'neuromodulator', 'hardware'] },
  { id: 'component.system', kind: 'component', value: 'system', label: 'whole system', patterns: ['system|systems', 'entire|whole ~2 system|hardware|device', 'all hardware', 'all components'] },
  // a mask: "implant" naming a record or a point in time, not an act ("the implant record lengths", "since implant")
  { id: 'mask.implantRecord', kind: 'mask', value: 'implantRecord', label: '"implant" as a record or a time', patterns: ['implant|implantation record|records|card|cards|log|logs|sheet|data|registry|lengths|report|date', 'since|at|after|post implant|implantation'] },
  // a mask: central sleep apnea is treated with phrenic stimulation, not hypoglossal
  { id: 'mask.centralApnea', kind: 'mask', value: 'centralApnea', label: 'central sleep apnea', patterns: ['central sleep apnea|apnoea', 'central apnea|apnoea'] },
  // a mask: tunnelling pulls the lead through to the pocket; nothing comes out
  { id: 'mask.pulledThrough', kind: 'mask', value: 'pulledThrough', label: 'pulled through a tunnel', patterns: ['pulled|drawn|brought ~4 through to|into the ~2 pocket|incision|wound'] },
  // masks: a connector pin taken out of the header is a disconnection; "single-lead" describes a generator
  { id: 'mask.pinOut', kind: 'mask', value: 'pinOut', label: 'connector pin out of the header', patterns: ['pin|pins|connector|connectors|terminal ~3 out of ~1 header|headers|port|ports|block'] },
  { id: 'mask.layPacemaker', kind: 'mask', value: 'layPacemaker', label: 'a neurostimulator called a "pacemaker" ("bladder pacemaker", "brain pacemaker")', patterns: ['bladder|brain|stomach|gastric|diaphragm|diaphragmatic|phrenic|bowel|pelvic|sacral|nerve|spinal|spine pacemaker|pacer|pacemakers', 'pacemaker|pacer for the|her|his bladder|brain|stomach|diaphragm|bowels|bowel|pain'] },
  { id: 'mask.icdCodes', kind: 'mask', value: 'icdCodes', label: '"ICD" as the diagnosis-code system ("ICD: G89.4", "ICD-10")', patterns: ['icd :', 'icd - 10|9|cm', 'icd-10|icd-9|icd10|icd9|icd-10-cm', 'icd 10|9', 'icd code|codes|dx'] },
  { id: 'mask.leadAdjective', kind: 'mask', value: 'leadAdjective', label: '"single-lead" as an adjective', patterns: ['single|dual|one|two - lead|channel', 'single-lead|dual-lead'] },
  // a mask: spinal-fusion anatomy ("sacral ala", "S1 screws") is not a sacral-nerve target
  { id: 'mask.sacralAnatomy', kind: 'mask', value: 'sacralAnatomy', label: 'sacral bone anatomy', patterns: ['sacral|s1|s2 ala|alae|slope|screw|screws|promontory|fracture|insufficiency'] },
  // a mask: the patient's body position is not an implant act ("placed prone", "positioned in the
  // lateral decubitus position", "placed on the fluoroscopy table"); a lead placed in the same
  // sentence is a separate hit and still counts
  { id: 'mask.bodyPosition', kind: 'mask', value: 'bodyPosition', label: 'the patient\'s body position', patterns: [
    'placed|positioned|turned|laid|put|rolled|flipped|repositioned prone|supine|lateral|sitting|seated|lithotomy|trendelenburg|jackknife|decubitus|semiprone|semisupine',
    'placed|positioned|turned|laid|put|rolled|flipped|repositioned in|into the|a prone|supine|lateral|sitting|seated|lithotomy|trendelenburg|jackknife|decubitus',
    'placed|positioned|turned|laid|put|rolled|flipped|repositioned in|into prone|supine|lateral|sitting|lithotomy|trendelenburg|jackknife|decubitus',
    // two-word positions only: "placed into the left S3 foramen" is a lead, not a position
    'placed|positioned|turned|laid|put|rolled|flipped|repositioned in|into the|a left|right lateral|decubitus',
    'placed|positioned|turned|laid|put|rolled|flipped|repositioned in|into left|right lateral|decubitus',
    'placed|positioned|turned|laid|put|rolled|flipped|repositioned in|into the|a reverse trendelenburg',
    'placed|positioned|turned|laid|put|rolled|flipped|repositioned in|into the|a beach chair',
    'placed|positioned|turned|laid|put|rolled|flipped|repositioned in|into the|a park bench',
    'placed|positioned|laid|put|transferred on|onto the|an ~2 table|bed|stretcher|gurney|frame|bolsters',
  ] },
  // a mask: "system" describing a check or a reading is not the device ("system diagnostics normal")
  { id: 'mask.systemCheck', kind: 'mask', value: 'systemCheck', label: '"system" describing a check', patterns: ['system diagnostics|diagnostic|check|checks|integrity|impedance|impedances|interrogation|test|testing|status|parameters|settings|data|diagnosis'] },
  // a mask: intraoperative monitoring electrodes (nerve-integrity, EMG, EEG/ECG, grounding) are
  // equipment placed and removed during the case, not the implanted array
  { id: 'mask.monitoringElectrodes', kind: 'mask', value: 'monitoringElectrodes', label: 'intraoperative monitoring electrodes', patterns: [
    'monitoring|neuromonitoring|neuro-monitoring|nim|emg|eeg|ecg|ekg|ssep|mep|subdermal|grounding|ground electrode|electrodes|leads|pad|pads',
    'nerve integrity monitor|monitoring electrode|electrodes',
  ] },
  // a mask: spoken dictation commands left in a voice-recognition transcript ("new paragraph")
  { id: 'mask.dictationCommand', kind: 'mask', value: 'dictationCommand', label: 'spoken dictation command', patterns: ['new|next paragraph|line', 'new - paragraph|line'] },
  // masks: "no new device" places nothing; a device laid out on the back table is being inspected
  // a mask: the state a device was found in ("both leads intact and seated in the antral muscle"), not an act
  { id: 'mask.foundState', kind: 'mask', value: 'foundState', label: 'a device state found, not an act', patterns: ['intact and ~1 seated|positioned|placed|anchored|implanted'] },
  // a mask: a share compared with the usual ("more than 80 percent of her typical pain"), not extra operating time
  { id: 'mask.shareCompared', kind: 'mask', value: 'shareCompared', label: 'a percentage compared with the usual', patterns: ['than|versus|vs /^\\d+$/ percent|% ~4 usual|typical|standard|expected|routine|average'] },
  // a mask: "disconnected from the header" takes a lead off the generator; the header is no connection
  { id: 'mask.offHeader', kind: 'mask', value: 'offHeader', label: 'taken off the header', patterns: ['disconnected|unplugged|detached|removed ~3 from ~2 header|headers|port|ports', 'disconnected|unplugged|detached|removed ~3 out of ~2 header|headers|port|ports'] },
  { id: 'mask.noNew', kind: 'mask', value: 'noNew', label: '"no new"', patterns: ['no new'] },
  { id: 'mask.backTable', kind: 'mask', value: 'backTable', label: 'laid out on the back table', patterns: ['laid|placed|set|put|lay ~2 on|onto the ~1 back|mayo|side table|stand', 'laid|set out'] },
  // a mask: a guide wire passed or removed with the access tools is not a lead
  { id: 'mask.guideWire', kind: 'mask', value: 'guideWire', label: 'guide wire (an access tool)', patterns: ['guide wire|wires', 'dilator|dilators|needle|needles|sheath|sheaths|stylet|stylets|introducer and|, ~1 wire|wires', 'wire|wires and ~1 dilator|dilators|needle|needles|sheath|sheaths|stylet|introducer'] },
  // a mask: an approach given up for another ("the laparoscopic approach was abandoned and the procedure
  // converted to an open operation") is a conversion, not a discontinued procedure
  { id: 'mask.approachConverted', kind: 'mask', value: 'approachConverted', label: 'approach converted', patterns: [
    'laparoscopic|percutaneous|endoscopic|thoracoscopic|robotic approach|technique|attempt ~2 abandoned|aborted|discontinued|terminated|stopped ~6 converted|conversion',
  ] },
  { id: 'component.sensor', kind: 'component', value: 'sensor', label: 'respiratory sensor', patterns: ['sensor|sensors', 'sensing lead|led', 'sensor lead|leads|electrode|electrodes', 'sensing leads|electrode|electrodes', 'pressure sensing'] },
  { id: 'component.extension', kind: 'component', value: 'extension', label: 'lead extension', patterns: ['extension|extensions', 'adaptor|adapter'] },
  { id: 'component.needle', kind: 'component', value: 'needleElectrode', label: 'needle electrode', patterns: ['needle electrode', '34 - gauge|g needle', '34g|34-gauge|34-g needle', 'fine needle ~3 malleolus|ankle|tibia', 'acupuncture'] },

  // ---- approach ------------------------------------------------------------
  { id: 'approach.percutaneous', kind: 'approach', value: 'percutaneous', label: 'percutaneous', patterns: [
    'percutaneous|percutaneously|percutaneus|perc', 'tuohy', 'needle', 'introducer', 'loss of resistance', 'coude', 'foramen needle', 'over the wire', 'stylet', 'sheath',
  ] },
  { id: 'approach.laminectomy', kind: 'approach', value: 'laminectomy', label: 'laminectomy / laminotomy', patterns: [
    'laminectomy|laminotomy|hemilaminectomy|hemilaminotomy|laminotomies|laminectomies', 'lamina|laminae', 'ligamentum flavum', 'kerrison', 'leksell rongeur',
  ] },
  { id: 'approach.open', kind: 'approach', value: 'open', label: 'open (incision, exposure)', patterns: [
    'open', 'cut - down', 'cutdown', 'exposed|exposure|expose', 'dissected down to', 'dissection ~3 nerve', 'nerve ~3 identified|isolated|exposed|visualized|dissected', 'circumferentially', 'under direct vision|visualization',
    'cuff', 'wrapped', 'neurolysis', 'carotid sheath', 'dissected|freed|mobilized ~4 off|from ~2 nerve', 'nerve was|were found|followed|traced|mobilized', 'loupe|loupes magnification', 'operating microscope', 'platysma', 'sternocleidomastoid', 'fascia was incised', 'laparotomy',
    // a laparoscopy converted to open surgery
    'converted|convert|conversion to|into ~3 open|laparotomy|midline', 'decision ~4 convert|conversion', 'open conversion',
  ] },
  { id: 'approach.laparoscopic', kind: 'approach', value: 'laparoscopic', label: 'laparoscopic', patterns: ['laparoscop*', 'trocar|trocars', 'laparoscopic port|ports', 'pneumoperitoneum', 'insufflat*', 'two|three|four|five|2|3|4|5 ~2 ports|trocars', 'port|ports ~2 placed|inserted|sited', 'umbilical port', 'robotic', 'robot - assisted', 'robot-assisted'] },
  { id: 'approach.stereotactic', kind: 'approach', value: 'stereotactic', label: 'stereotactic', patterns: ['stereotactic|stereotaxic', 'burr hole|holes', 'twist drill', 'frame', 'trajectory'] },

  // ---- actions -------------------------------------------------------------
  { id: 'action.insertion', kind: 'action', value: 'insertion', label: 'insertion', patterns: [
    'placed|placement|placing', 'implant|implanted|implantation|implanting|implants', 'insert|inserted|insertion|inserting', 'introduced', 'advanced|advancing', 'deployed',
    'seated', 'positioned', 'passed', 'steered', 'new', 'installed', 'threaded', 'laid',
  ] },
  { id: 'action.removal', kind: 'action', value: 'removal', label: 'removal', patterns: [
    'remove|removed|removal|removing', 'explant|explanted|explantation|explanting', 'extract|extracted|extraction', 'withdrawn|withdrew', 'pulled', 'delivered from|out', 'slid|pulled|withdrawn|teased|backed|delivered|eased|lifted|taken|removed|drawn|drew|coaxed ~3 out', 'unwound|unwrapped|uncoiled|unwinding|unwrapping|unravelled|unraveled', 'passed|handed ~1 off', 'off the field', 'handed off|out', 'out of the epidural space|pocket|foramen', 'freed ~3 removed', 'explanation', 'retrieved', 'ipg|ipgs|generator|gen|battery out', 'lead|leads|paddle|electrode|electrodes out intact|whole|cleanly|entirely|completely', 'lead|leads|paddle|electrode|electrodes out in one|1 piece', 'taken out', 'take out', 'discarded', 'excised',
    // "with steady traction the tined lead came out intact"
    'came out',
  ] },
  { id: 'action.replacement', kind: 'action', value: 'replacement', label: 'replacement', patterns: [
    'replace|replaced|replacement|replacing', 'exchange|exchanged|exchanging|exch|exchg', 'changed out', 'change out', 'swapped', 'battery|ipg|generator change', 'battery|ipg|generator changed', 'changeout',
  ] },
  { id: 'action.implied', kind: 'action', value: 'implied', label: 'placed (implied by anchoring or position)', patterns: [
    'anchored|anchor|anchors|sutured|secured|steered|navigated|driven|parked|fixed', 'locked ~3 cap|stimloc|burr|clip|clamp', 'to the top|mid|middle|midportion|bottom|inferior|superior ~2 /^[ct]\\d{1,2}$/', 'to top|mid ~2 /^[ct]\\d{1,2}$/', 'to|at /^[ct]\\d{1,2}$/', 'to|at the /^[ct]\\d{1,2}$/', 'in good position', 'final position', 'wrapped|coiled|wound ~3 around', 'helical|helix ~3 wrapped|applied|placed', 'into ~2 pocket|pockets',
  ] },
  { id: 'action.connect', kind: 'action', value: 'connect', label: 'plugged into the generator (a connection, not a placement)', patterns: [
    'seated|inserted|advanced|placed|pushed|plugged|introduced ~6 header|headers|port|ports|receptacle|receptacles|connector',
    'pin|pins|connector|connectors ~2 seated|inserted|advanced|plugged|pushed|engaged',
    'inserted|plugged|seated|placed into ~3 generator|ipg|battery|neurostimulator',
  ] },
  { id: 'action.putBack', kind: 'action', value: 'putBack', label: 'put back (same device)', patterns: [
    'replaced|returned|reinserted|placed|put|seated ~1 back', 're - inserted|placed ~1 back', 'replaced|returned|reinserted|replaced ~3 to|into|in ~3 pocket|pockets', 'back into|in ~2 pocket', 'same ~2 ipg|generator|battery|device',
  ] },
  { id: 'action.revision', kind: 'action', value: 'revision', label: 'revision', patterns: [
    'revise|revised|revision|revising', 'reposition|repositioned|repositioning', 're - position|positioned',
    // the lead's tip moved (not "redirected into the new pocket", which is generator-side work)
    're - steered|advanced|centered|centred|aligned|oriented', 'resteered|readvanced|recentered|recentred|realigned|reoriented', 're-steered|re-advanced|re-centered|re-centred|re-aligned|re-oriented', 'advanced|steered|moved|brought back ~2 to|into|up', 'withdrawn|pulled|retracted|backed ~2 several|one|two|three|four|five|half|1|2|3|4|5 ~1 centimeters|centimetres|centimeter|centimetre|cm|mm|millimeters|millimetres|levels|level', 'withdrawn|pulled|retracted|backed ~2 a few ~1 centimeters|centimetres|cm|mm|millimeters|millimetres|levels', 'withdrawn|pulled|retracted|backed ~2 a|an|one centimeter|centimetre|cm|millimeter|millimetre|mm|level', 'relocate|relocated|relocation', 're - anchor|anchored', 'reanchored', 'resited', 'readjusted', 'capsulectomy',
    're-anchored|re-anchor|re-advanced|re-positioned|re-sited|re-secured|re-sutured|readvanced',
    // partly withdrawn and moved: a repositioning, not a removal
    'withdrawn|withdrew|retracted|pulled|backed slightly|partially|partly|somewhat|minimally', 'withdrawn|withdrew|retracted|pulled|backed a little|bit', 'slightly|partially|partly withdrawn|retracted|withdrew',
    'withdrawn|withdrew|retracted|pulled back ~1 /^\\d+(\\.\\d+)?$/ cm|mm|centimeters|millimeters',
  ] },

  // ---- pocket, connection, tunnelling --------------------------------------
  { id: 'pocket.created', kind: 'pocket', value: 'created', label: 'pocket created', patterns: [
    'pocket ~4 created|fashioned|developed|made|formed|dissected|fashion|create|develop|fashioning|creation|formation|enlarged|dissection',
    'create|created|fashion|fashioned|develop|developed|make|made|form|formed|fashioning|creating|developing ~4 pocket',
    'subcutaneous|subfascial|submuscular pocket', 'pocket creation', 'pocket for the ipg|generator|battery|receiver',
  ] },
  { id: 'pocket.opened', kind: 'pocket', value: 'opened', label: 'existing pocket opened', patterns: [
    'pocket ~4 opened|reopened|entered|explored|incised', 'pocket ~4 re - opened', 'open|opened|reopened|reopen|entered|explored ~4 pocket', 'existing|previous|prior|old|same|original|current pocket',
    'capsule ~3 incised|opened', 'through the prior|previous|old|existing incision',
  ] },
  { id: 'pocket.revised', kind: 'pocket', value: 'revised', label: 'pocket revised (hematoma evacuated, washout, debridement)', patterns: [
    'hematoma|haematoma|seroma|clot|collection|abscess ~4 evacuated|drained|evacuation|drainage|expressed',
    'hematoma|haematoma|seroma|clot|collection|abscess ~4 irrigated|washed out',
    'evacuated|evacuation|evacuate|drained|drainage|drain ~4 hematoma|haematoma|seroma|clot|collection|abscess',
    'pocket ~3 revised|revision|debrided|debridement|washout|washed|explored|exploration', 'washout|wash-out|debridement ~4 pocket', 'capsulectomy|capsulotomy',
    'irrigation and debridement', 'incision and drainage',
  ] },
  { id: 'pocket.mention', kind: 'pocket', value: 'mention', label: 'pocket', patterns: ['pocket|pockets'] },
  { id: 'connection.connected', kind: 'connection', value: 'connected', label: 'array connected to generator', patterns: [
    'connect|connected|connecting|connection|connections', 'conn|cxn|conxn', 'reconnect|reconnected|reconnecting|reconnection|re-connected|re-attached|reattached', 'attached|attach|attaching', 'plugged|plug', 'header|headers', 'set - screw|screws', 'setscrew|setscrews', 'set screw|screws', 'torque wrench',
    'hex|torque wrench', 'coupled', 'mated', 'secured into|in the header|port', 'inserted into the header|port',
  ] },
  { id: 'tunnel.tunneled', kind: 'tunnel', value: 'tunneled', label: 'tunnelled', patterns: ['tunnel|tunneled|tunnelled|tunneling|tunnelling|tunneler|tunneller', 'passing tool', 'passer'] },

  // ---- imaging -------------------------------------------------------------
  { id: 'imaging.fluoroscopy', kind: 'imaging', value: 'fluoroscopy', label: 'fluoroscopy', patterns: ['fluoro|fluoroscopy|fluoroscopic|fluoroscopically', 'c - arm', 'carm', 'x - ray|xray', 'ap and lateral', 'lateral views|view|image|images', 'imaging guidance', 'image guidance', 'image - guided'] },
  { id: 'imaging.ultrasound', kind: 'imaging', value: 'ultrasound', label: 'ultrasound', patterns: ['ultrasound|ultrasonography|ultrasonographic|sonographic|sonography', 'us - guided', 'us guidance', 'linear probe', 'transducer'] },

  // ---- side ---------------------------------------------------------------
  { id: 'side.left', kind: 'side', value: 'left', label: 'left', patterns: ['left|lt|l', 'left - sided|side'] },
  { id: 'side.right', kind: 'side', value: 'right', label: 'right', patterns: ['right|rt|r', 'right - sided|side'] },
  { id: 'side.bilateral', kind: 'side', value: 'bilateral', label: 'both sides', patterns: ['bilateral|bilaterally', 'both sides', 'left and right', 'right and left', 'both s3|s4', 'bilat'] },

  // ---- count ---------------------------------------------------------------
  { id: 'count.two', kind: 'count', value: '2', label: 'two arrays', patterns: [
    'two|2|dual|both|bilateral|pair ~4 lead|leads|arrays|electrodes|paddles|octrodes|microstimulators', 'leads|arrays|electrodes x|× 2', 'leads|arrays|electrodes x2', 'x2|×2 ~2 lead|leads|arrays|electrodes', 'x|× 2 ~2 lead|leads|arrays|electrodes',
    'second|2nd|another|additional|contralateral ~2 lead|array|electrode|microstimulator|octrode|paddle|tuohy', 'lead|array|electrode # 2', 'lead|array|electrode 2|two -|:', '# 2 ( x|✓ )', '# 2 [ x|✓ ]', 'stimulator|stimulators|stim|lead|leads|electrodes ( 2|two total )', 'number of ~2 leads|arrays|electrodes :|= 2|two', '# of leads|arrays|electrodes :|= 2|two', 'number of leads|arrays|electrodes 2|two',
    // integrated (leadless) devices: each unit is an array
    'two|2|second|2nd|both|pair ~2 integrated|leadless|wireless|injectable ~4 device|devices|stimulator|stimulators|implant|implants|units',
    // a dual-channel generator drives two arrays (DBS: Activa PC/RC, Percept PC/RC)
    'dual|two|2 - channel', 'dual-channel|two-channel|2-channel', 'dual|two ~1 channel|channels', 'activa|percept pc|rc', 'both extensions',
  ] },
  { id: 'generatorCount.two', kind: 'generatorCount', value: '2', label: 'two generators', patterns: [
    'two|2|separate|bilateral ~3 generators|ipgs|batteries|neurostimulators', 'two|2 single - channel ~4 generators|ipgs|batteries|neurostimulators', 'both generators|ipgs|batteries', 'under|below|beneath each clavicle', 'two|2|separate|bilateral ~2 pulse generators', 'second|contralateral ~3 ipg|generator|battery|neurostimulator',
    'ipgs|generators x|× 2', 'one|a ~2 generator|ipg|battery for|on each side', 'each ~3 own generator|ipg|battery',
  ] },
  { id: 'count.three', kind: 'count', value: '3', label: 'three arrays', patterns: ['three|3 ~4 lead|leads|arrays|electrodes|microstimulators', 'third ~2 lead|array|electrode|microstimulator', 'leads|arrays x|× 3', 'leads|arrays x3', 'lead|array|electrode 3|three -|:', '# 3 ( x|✓ )', '# 3 [ x|✓ ]', 'number of ~2 leads|arrays|electrodes :|= 3|three'] },
  { id: 'count.four', kind: 'count', value: '4', label: 'four arrays', patterns: ['four|4 ~4 lead|leads|arrays|electrodes|microstimulators', 'fourth ~2 lead|array|electrode', 'leads|arrays x|× 4', 'leads|arrays x4', 'lead|array|electrode 4|four -|:', 'number of ~2 leads|arrays|electrodes :|= 4|four'] },

  // ---- trial / permanent / external -----------------------------------------
  { id: 'trial.trial', kind: 'trial', value: 'trial', label: 'trial', patterns: ['trial|trialing|trialling', 'temporary', 'test lead|leads', 'pne', 'percutaneous nerve evaluation', 'stage 1|i', 'first stage', 'stage one', 'test stimulation period', 'externalized'] },
  { id: 'trial.permanent', kind: 'trial', value: 'permanent', label: 'permanent', patterns: ['permanent', 'definitive', 'stage 2|ii', 'second stage', 'stage two', 'full implant|implantation'] },
  { id: 'external.external', kind: 'external', value: 'external', label: 'external stimulator', patterns: [
    'external|ext ~2 stimulator|stim|generator|pulse|pulser|neurostimulator|trial|device|battery|controller|transmitter|unit|wearable|cable', 'trial stimulator|generator|cable|box', 'ets', 'epg', 'extension cable',
    'externalized|externalised', 'exits the skin', 'exit site', 'taped to the skin', 'screener', 'trial system',
  ] },

  // ---- discontinued procedures (see also concepts-modifiers.ts) ----------------
  { id: 'discontinued.stop', kind: 'discontinued', value: 'stopped', label: 'procedure stopped', patterns: [
    'stop|stopped|halt|halted|ended|terminate|abort|discontinue ~2 the procedure|case|operation|attempt', // not "at the end of the case"
    'procedure|case|operation|attempt|trial ~2 stopped|halted|aborted|terminated|discontinued|abandoned',
  ] },
  { id: 'discontinued.title', kind: 'discontinued', value: 'title', label: 'procedure marked as discontinued', patterns: ['discontinued|aborted|terminated|abandoned|attempted|incomplete|stopped'] },

  // ---- procedures outside the family (for the plain "does not apply" reason) ---
  { id: 'outOfScope.pacemaker', kind: 'outOfScope', value: 'pacemaker', label: 'cardiac pacemaker / defibrillator', patterns: ['pacemaker|pacemakers', 'defibrillator', 'icd', 'aicd', 'cardiac rhythm', 'pacing lead|leads', 'atrial|ventricular lead', 'atrial|ventricular ~3 lead|leads', 'sick sinus', 'dual|single chamber', 'pacer|pacers', 'pacer-dependent', 'cied', 'right ventricle|atrium', 'loop recorder'] },
  { id: 'outOfScope.pump', kind: 'outOfScope', value: 'pump', label: 'intrathecal drug pump', patterns: ['intrathecal ~2 pump|catheter', 'pain pump', 'drug pump', 'baclofen', 'synchromed', 'morphine pump', 'pump refill|reservoir', 'reservoir'] },
  { id: 'outOfScope.port', kind: 'outOfScope', value: 'port', label: 'vascular access port', patterns: ['port - a - cath', 'portacath', 'mediport', 'infusion port', 'chest port', 'venous access', 'power port', 'powerport', 'central venous'] },
  { id: 'outOfScope.injection', kind: 'outOfScope', value: 'injection', label: 'spinal injection', patterns: ['steroid', 'depo - medrol|medrol', 'triamcinolone|kenalog|dexamethasone|methylprednisolone', 'injectate', 'epidural steroid injection', 'esi', 'medial branch block', 'radiofrequency ablation', 'facet'] },
  { id: 'outOfScope.visit', kind: 'outOfScope', value: 'visit', label: 'clinic visit or consultation with no procedure', patterns: ['no procedure|procedures ~2 performed|done', 'new patient consultation|consult|visit', 'office|clinic visit', 'consultation note'] },
  { id: 'outOfScope.tens', kind: 'outOfScope', value: 'tens', label: 'TENS unit (external, surface electrodes)', patterns: ['tens', 'transcutaneous electrical nerve stimulation', 'surface electrodes', 'transcutaneous', 'self - adhesive', 'adhesive pads|electrodes', 'electrode pads', 'skin pads|electrodes', 'surface pads'] },
  { id: 'outOfScope.cochlear', kind: 'outOfScope', value: 'cochlear', label: 'cochlear implant', patterns: ['cochlear|cochleostomy', 'mastoidectomy', 'round window'] },
  { id: 'outOfScope.vascular', kind: 'outOfScope', value: 'vascular', label: 'vascular surgery', patterns: ['endarterectomy', 'arteriotomy', 'shunt', 'plaque'] },
  { id: 'outOfScope.bone', kind: 'outOfScope', value: 'boneStimulator', label: 'bone growth stimulator', patterns: ['bone growth|healing stimulator', 'osteogenic', 'bone stimulator', 'spinal fusion', 'fusion stimulator', 'direct - current', 'direct current', 'cathode|cathodes', 'interbody fusion', 'arthrodesis', 'pseudarthrosis|pseudoarthrosis', 'nonunion|non-union', 'bone graft|grafts', 'autograft|allograft'] },
  { id: 'outOfScope.phrenic', kind: 'outOfScope', value: 'phrenic', label: 'phrenic nerve / diaphragm pacing', patterns: ['phrenic', 'diaphragm pacing|pacer', 'remede', 'transvenous', 'pericardiophrenic', 'azygos', 'brachiocephalic vein', 'diaphragmatic contraction|capture'] },
  { id: 'outOfScope.baroreflex', kind: 'outOfScope', value: 'baroreflex', label: 'baroreflex activation', patterns: ['baroreflex', 'barostim', 'carotid sinus'] },
  { id: 'outOfScope.categoryIII', kind: 'outOfScope', value: 'categoryIII', label: 'Category III integrated spinal/sacral/tibial device', patterns: ['/^0(78[4-9]|58[78]|81[6-9])t$/', 'revi', 'ecoin', 'bluewind', 'implantable tibial'] },
];

/**
 * Brand and model names name their system: each catalogue brand is also a target word of its
 * system ("the Intellis IPG" is spinal), except brands that are ordinary English words, which
 * would name a system wherever the word is used ("alpha", "evoke", "freedom").
 */
const WORDLIKE_BRANDS: ReadonlySet<string> = new Set(['alpha', 'evoke', 'spectra', 'genus', 'infinity', 'libra', 'brio', 'aspire', 'pulsar', 'freedom', 'sprint', 'inspire', 'penta', 'artisan', 'prodigy']);

function withCatalogueBrands(c: ConceptInput): ConceptInput {
  if (c.kind !== 'target') return c;
  const brands = DEVICE_CATALOGUE.filter((e) => e.target === c.value && !WORDLIKE_BRANDS.has(e.brand)).map((e) => e.brand);
  return brands.length ? { ...c, patterns: [...c.patterns, brands.join('|')] } : c;
}

export const CONCEPTS: Concept[] = [...RAW.map(withCatalogueBrands), ...MODIFIER_CONCEPTS].map((c) => ConceptSchema.parse(c));
