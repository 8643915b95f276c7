import type { ConceptInput } from './concept-schema';

/**
 * Trigger phrases for the circumstances modifiers depend on (discontinued, greater work,
 * co-surgeon, assistant, return to the OR, staged, global period, ...). Own work of OpNote
 * Coder. Pattern language: see concept-schema.ts. The matcher works inside one sentence.
 *
 * Values the modifier stage relies on (src/engine/modifiers/modifiers.ts):
 * - increasedWork: 22 needs the extra time (`time`), or a cause (`cause`: scar, anatomy, obesity,
 *   encapsulation) together with an explicit statement of greater work (`statement`); a cause
 *   alone, a statement alone or `weak` words ("tedious", "prolonged") only prompt a question.
 * - reduced: `count` (fewer arrays/sides than planned — shown by units or sides, no 52) and
 *   `partial` (part of the coded work not done — 52).
 * - staged: `later` (this session is the later stage) supports 58; `plan` ("staged", "as
 *   planned") only with a later-stage phrase.
 * - assistant: `physician`, `nonphysician` (PA/NP/CNS → AS), `resident` (no 80 in teaching
 *   settings unless no qualified resident was available).
 * Note: wink keeps some hyphenated words as one token ("co-surgeons", "re-explored") and splits
 * others ("PA-C" → pa - c), so both forms are listed.
 */
export const MODIFIER_CONCEPTS: ConceptInput[] = [
  { id: 'discontinued.stopped', kind: 'discontinued', value: 'stopped', label: 'procedure stopped', patterns: [
    'procedure|case|operation|placement|attempt ~3 aborted|terminated|discontinued|abandoned|stopped|halted',
    'aborted|abort|terminate|terminated|abandoned|discontinued ~3 procedure|case|operation|placement|attempt',
    'decision ~4 abort|terminate|stop|discontinue', 'unable to complete', 'not completed', 'could not be completed', 'was aborted', 'were aborted',
  ] },
  { id: 'reduced.count', kind: 'reduced', value: 'count', label: 'fewer arrays or sides than planned', patterns: [
    'only one|1 of the ~2 two|2|planned', 'only one|1 lead|leads|electrode|electrodes|array|arrays|side ~4 placed|implanted|removed|possible',
    'second|contralateral|other lead|electrode|array|side ~4 not|unable|abandoned|deferred', 'unable ~4 second|contralateral|other lead|electrode|array|side',
  ] },
  { id: 'reduced.partial', kind: 'reduced', value: 'partial', label: 'reduced service', patterns: [
    'reduced service|procedure', 'partially completed|performed', 'limited procedure', 'only partially',
  ] },
  { id: 'increasedWork.cause', kind: 'increasedWork', value: 'cause', label: 'substantially greater work (cause documented)', patterns: [
    'dense|extensive|significant|severe|heavy|thick|marked ~4 scar|scarring|adhesions|fibrosis|calcification|calcified|encapsulation',
    'scar tissue ~4 extensive|dense|significant', 'morbid obesity|morbidly obese', 'heavily|densely encapsulated', 'extensive encapsulation', 'distorted anatomy',
  ] },
  { id: 'increasedWork.statement', kind: 'increasedWork', value: 'statement', label: 'substantially greater work stated', patterns: [
    'unusually difficult', 'increased complexity', 'increased procedural|operative|surgical|intraoperative work', 'substantially|significantly|markedly ~3 difficult|more difficult|greater|increased work|more work', 'far beyond|well beyond ~3 usual|typical|standard', 'much|far|considerably more than ~3 usually|usual|typically|normally', 'more difficult than ~3 usual|usually|typical|expected', 'additional|extra|increased time and|was|were|required', 'additional|extra|increased time ~3 due to|because|attributable',
  ] },
  { id: 'increasedWork.time', kind: 'increasedWork', value: 'time', label: 'substantially greater work (time documented)', patterns: [
    'additional|extra ~2 /^\\d+$/ minutes|hours|hour|min', 'additional|extra ~1 one|two|three|thirty|forty|sixty|ninety ~1 minutes|hours|hour',
    'twice as long', 'three times as long', 'added|adding|adds|lengthened|prolonged ~2 the case|procedure|operation by', 'added|adding|adds ~3 /^\\d+$/ minutes|hours|hour|min|mins', 'added|adding|adds ~3 one|two|three|forty|sixty|ninety ~1 minutes|hours|hour|min|mins', '/^\\d+$/ minutes|minute|hours|hour|hrs|hr|h|min ~2 beyond|longer|more|over', '/^\\d+$/ h|hr|hrs|hours|hour|min|mins|minutes of added|additional|extra time', '/^\\d+$/ minutes|hours|hour|min|mins ~3 extra|additional|added', 'than|versus|vs ~4 usual|typical|standard|expected|routine|average|uncomplicated|straightforward', 'compared with|to ~6 typically|usual|usually|normally|typical|standard|routine|average|uncomplicated|straightforward',
    'increase|increased in ~2 time|duration', 'usual|typical ~2 time|duration', '/^\\d+$/|one|two|three|four extra|additional|more hours|hour|minutes|min|mins', 'normally|usually|typically takes|lasts|requires', 'increase in operative|operating time', 'substantially|significantly|markedly ~3 longer',
  ] },
  { id: 'increasedWork.weak', kind: 'increasedWork', value: 'weak', label: 'harder than usual (no cause or time stated)', patterns: [
    'tedious', 'prolonged dissection|procedure|case', 'took ~4 longer', 'difficult dissection', 'encapsulated',
  ] },
  { id: 'cosurgeon.cosurgeon', kind: 'cosurgeon', value: 'cosurgeon', label: 'co-surgeon', patterns: [
    'co - surgeon|surgeons|surgery', 'co-surgeon|co-surgeons|co-surgery', 'cosurgeon|cosurgeons|cosurgery', 'two surgeons', 'co-surgeon*',
  ] },
  { id: 'assistant.physician', kind: 'assistant', value: 'physician', label: 'assistant surgeon (physician)', patterns: [
    'assistant surgeon', 'assistant at surgery', 'first assistant', 'acting|served|serving as ~2 assistant|assistant surgeon', 'assisted by', 'surgical assistant', 'assist', 'assistant', 'assistants', 'assisting', 'assisted',
  ] },
  { id: 'assistant.nonphysician', kind: 'assistant', value: 'nonphysician', label: 'assistant (PA / NP / CNS)', patterns: [
    'pa', 'pa - c', 'pa-c', 'physician assistant|assistants', 'nurse practitioner', 'np', 'aprn|cns', 'clinical nurse specialist', 'crna first assist',
  ] },
  { id: 'assistant.resident', kind: 'assistant', value: 'resident', label: 'resident or fellow assisting', patterns: [
    'resident', 'residents', 'fellow', 'pgy /^\\d$/', '/^pgy-?\\d$/', 'chief resident',
  ] },
  { id: 'residentUnavailable.none', kind: 'residentUnavailable', value: 'none', label: 'no qualified resident available', patterns: [
    'no ~2 qualified|available resident|residents', 'no ~2 qualified|available ~2 resident|residents', 'resident|residents ~3 not available|unavailable', 'no resident|residents ~3 available|availability', 'no residency program', 'no teaching resident', 'no qualified resident',
  ] },
  { id: 'returnToOr.return', kind: 'returnToOr', value: 'return', label: 'unplanned return to the OR', patterns: [
    'return|returned|returns|returning ~3 operating room|theatre', 'return|returned|returns|returning ~3 or|theatre', 'return|returned|returns|returning to surgery', 'take - back|takeback', 'take-back', 'taken|brought back ~3 operating room|theatre', 'brought|took|taken ~2 back to the operating room|theatre|or', 'taken|brought back ~3 or|surgery', 'come|came|coming back ~3 operating room|theatre', 'come|came|coming back ~3 or|surgery', 'unplanned return', 'unplanned ~2 reoperation|revision|trip|surgery', 'or|surgery today ~2 unplanned', 'reoperation', 're - exploration', 're-exploration', 'washout', 'wash - out', 'wash-out', 'hematoma evacuation', 'evacuation of ~2 hematoma',
  ] },
  { id: 'unrelated.unrelated', kind: 'unrelated', value: 'unrelated', label: 'unrelated to the earlier surgery', patterns: ['unrelated', 'not related', 'separate problem', 'different condition'] },
  { id: 'staged.later', kind: 'staged', value: 'later', label: 'later stage of a planned procedure', patterns: [
    'stage 2|ii|two', 'second stage', 'second - stage', 'second-stage', 'planned ~3 second|permanent|conversion|stage 2', 'following|after ~2 successful trial|test', 'successful ~4 trial|trialing|test', 'trial was successful',
    'conversion to permanent', 'planned second', 'permanent ~2 implant|implantation ~3 after|following ~2 trial', 'staged ~3 generator|ipg|battery',
  ] },
  { id: 'staged.plan', kind: 'staged', value: 'plan', label: 'planned / staged procedure', patterns: ['staged', 'as planned', 'originally planned'] },
  { id: 'globalPeriod.within', kind: 'globalPeriod', value: 'within', label: 'inside a global period', patterns: [
    'global period', 'within the global', 'inside|within ~4 global', 'postoperative|postop day /^\\d+$/', 'post - operative|op day /^\\d+$/', 'post-operative|post-op day /^\\d+$/', 'pod /^\\d+$/', '/^pod#?\\d+$/',
    '/^\\d+$/ days|day after|following|ago|since', '/^\\d+$/ days|weeks ago|later', 'days ago', 'week|weeks ago', 'one|two|three|four|five|six|seven|eight|nine|ten|1|2|3|4|5|6|7|8|9|10|11|12 weeks|days after|following|ago|later',
  ] },
  { id: 'programming.done', kind: 'programming', value: 'done', label: 'device programmed', patterns: ['programmed', 'programming', 'parameters were|set', 'programs were created', 'device was interrogated'] },
  { id: 'mer.recording', kind: 'mer', value: 'recording', label: 'microelectrode recording', patterns: ['microelectrode recording|recordings|mapping', 'mer', 'micro - electrode recording|recordings', 'single - unit recording|recordings', 'microrecording',
    // the recording tracks themselves: "three microelectrode tracks were passed", "microdrive with three parallel tracks"
    'microelectrode track|tracks|trajectory|trajectories|pass|passes', 'microdrive', 'micro - drive'] },
  { id: 'distinct.site', kind: 'distinct', value: 'site', label: 'separate site / structure', patterns: ['separate incision|site|level|structure', 'different level|site|incision|lead', 'contralateral', 'distinct', 'another lead|array'] },
  { id: 'separateSession.session', kind: 'separateSession', value: 'session', label: 'separate session', patterns: ['separate session|encounter', 'later the same day', 'earlier today|this morning', 'second trip to'] },
];
