/**
 * The verbs (and a few phrases) that introduce reported speech. This is the one list the whole
 * analysis uses; users extend it through `AnalysisOptions.extraCueVerbs` (the VS Code setting
 * `newsAnnotator.cueVerbs`).
 */

/** Base forms; inflections are derived by `inflect`, irregular ones are listed in `IRREGULAR`. */
export const CUE_VERBS: readonly string[] = [
  'say', 'tell', 'add', 'declare', 'stress', 'note', 'urge', 'insist', 'warn', 'write', 'ask',
  'answer', 'reply', 'respond', 'explain', 'state', 'claim', 'argue', 'continue', 'recall',
  'remark', 'observe', 'acknowledge', 'admit', 'concede', 'confirm', 'deny', 'announce', 'assert',
  'maintain', 'contend', 'counter', 'retort', 'quip', 'joke', 'tweet', 'post', 'report', 'testify',
  'predict', 'promise', 'vow', 'pledge', 'boast', 'complain', 'lament', 'suggest', 'emphasize',
  'emphasise', 'underscore', 'point out', 'reiterate', 'repeat', 'caution', 'charge', 'allege',
  'accuse', 'blast', 'slam', 'fire back', 'shoot back', 'tout', 'describe', 'call', 'discuss',
  'agree', 'disagree', 'concur', 'conclude', 'mention', 'comment', 'speculate', 'yell', 'shout',
  'scream', 'cry', 'exclaim', 'mutter', 'whisper', 'sing', 'chant', 'go on', 'interject',
  'interrupt', 'recount', 'reveal', 'disclose', 'hint', 'indicate', 'affirm', 'proclaim', 'demand',
  'plead', 'beg', 'advise', 'inform', 'assure', 'reassure', 'clarify', 'elaborate', 'opine',
  'surmise', 'muse', 'beam', 'bark', 'gush', 'thunder', 'roar', 'chime in', 'cheer', 'hiss',
  'rail', 'fume', 'rave', 'pray', 'preach', 'lecture', 'mock', 'ridicule', 'dismiss', 'label',
  'dub', 'praise', 'criticize', 'criticise', 'denounce', 'condemn', 'applaud', 'hail', 'decry',
  'brand', 'chide', 'scold', 'rebuke', 'tease', 'taunt', 'jab', 'quote', 'cite', 'paraphrase',
  'sigh', 'wonder', 'scoff', 'snap', 'sneer', 'marvel', 'echo', 'retaliate', 'refer', 'read',
  'put it', 'type', 'cut in', 'grouse', 'grumble', 'gripe',
];

/** Cue phrases that take the source after them: `according to Kerry`. */
export const SOURCE_AFTER_PHRASES: readonly string[] = ['according to', 'in the words of'];

const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'writes', 'writing', 'written'],
  speak: ['spoke', 'speaks', 'speaking'],
  sing: ['sang', 'sings', 'singing'],
  go: ['went', 'goes', 'going'],
  cry: ['cried', 'cries', 'crying'],
  deny: ['denied', 'denies', 'denying'],
  reply: ['replied', 'replies', 'replying'],
  testify: ['testified', 'testifies', 'testifying'],
  clarify: ['clarified', 'clarifies', 'clarifying'],
  shoot: ['shot', 'shoots', 'shooting'],
  quip: ['quipped', 'quips', 'quipping'],
  snap: ['snapped', 'snaps', 'snapping'],
  admit: ['admitted', 'admits', 'admitting'],
  beg: ['begged', 'begs', 'begging'],
  plead: ['pleaded', 'pled', 'pleads', 'pleading'],
  read: ['read', 'reads', 'reading'],
  put: ['put', 'puts', 'putting'],
  refer: ['referred', 'refers', 'referring'],
  jab: ['jabbed', 'jabs', 'jabbing'],
  dub: ['dubbed', 'dubs', 'dubbing'],
  label: ['labeled', 'labelled', 'labels', 'labeling', 'labelling'],
  // `types` is nearly always the noun (`the Washington types`).
  type: ['typed', 'typing'],
  cut: ['cuts', 'cutting'],
};

/** Regular English inflections of a verb: past, third person, present participle. */
export function inflect(base: string): string[] {
  const irregular = IRREGULAR[base];
  if (irregular) return [base, ...irregular];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const third = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  return [base, past, third, `${stem}ing`];
}

/** Every surface form of the cue verbs, multi-word ones included (`point out` -> `pointed out`). */
export function cueForms(extra: readonly string[] = []): Set<string> {
  const forms = new Set<string>();
  for (const entry of [...CUE_VERBS, ...extra]) {
    const words = entry.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [head, ...rest] = words;
    const tail = rest.length ? ` ${rest.join(' ')}` : '';
    // An extra cue given in any form ("quipped") is taken as written as well as inflected.
    for (const form of new Set([head, ...inflect(head)])) forms.add(form + tail);
  }
  return forms;
}
