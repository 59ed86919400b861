import type { Category, Target } from '@precedent/exchange';

/**
 * The starting lexicon: phrases that suggest a category (and a protected characteristic) for a
 * comment. Written by the project from the exchange format's categories and the kinds of wording
 * described in published misconduct outcome summaries and the College of Policing's guidance on
 * discriminatory and offensive communications. It deliberately ships no slurs: each force adds the
 * terms it meets through the lexicon API, where every edit is versioned and audited.
 */
export interface LexiconSeed {
  term: string;
  category: Category;
  target?: Target;
  note: string;
}

export const STARTING_LEXICON: readonly LexiconSeed[] = [
  {
    term: 'go back to where you came from',
    category: 'discriminatory',
    target: 'race',
    note: 'Telling people to leave the country: race or nationality.',
  },
  {
    term: 'send them back',
    category: 'discriminatory',
    target: 'race',
    note: 'Calls for removal of a group: race or nationality.',
  },
  {
    term: 'their kind',
    category: 'discriminatory',
    note: 'Othering a group; check which characteristic is meant.',
  },
  { term: 'invading', category: 'discriminatory', target: 'race', note: 'Migration described as invasion.' },
  {
    term: 'flooding the country',
    category: 'discriminatory',
    target: 'race',
    note: 'Migration described as a flood.',
  },
  {
    term: 'remigration',
    category: 'extremist',
    target: 'race',
    note: 'A far-right slogan for mass deportation.',
  },
  { term: 'day of reckoning', category: 'extremist', note: 'Language of violent uprising.' },
  {
    term: 'traitors',
    category: 'extremist',
    note: 'Common in extremist rhetoric about public figures; read in context.',
  },
  { term: 'deserved it', category: 'mocking_victims_or_public', note: 'Blaming a victim.' },
  {
    term: 'asked for it',
    category: 'mocking_victims_or_public',
    target: 'sex',
    note: 'Blaming a victim, often of sexual violence.',
  },
  { term: 'serves them right', category: 'mocking_victims_or_public', note: 'Blaming a victim.' },
  { term: 'smash his teeth', category: 'violent_or_threatening', note: 'A threat of violence.' },
  { term: 'kick his head in', category: 'violent_or_threatening', note: 'A threat of violence.' },
  { term: 'burn the house down', category: 'violent_or_threatening', note: 'A threat of violence.' },
  {
    term: 'custody record',
    category: 'disclosure_of_police_information',
    note: 'Police information; check whether it was disclosed.',
  },
  {
    term: 'pnc check',
    category: 'disclosure_of_police_information',
    note: 'Police National Computer: police information.',
  },
  {
    term: 'intel says',
    category: 'disclosure_of_police_information',
    note: 'Intelligence shared outside the police.',
  },
  {
    term: 'victim name',
    category: 'disclosure_of_police_information',
    note: 'A victim identified: police information.',
  },
  { term: 'send pics', category: 'sexual', target: 'sex', note: 'Sexual requests.' },
  { term: 'fit bird', category: 'sexual', target: 'sex', note: 'Sexualised comment about a woman.' },
  {
    term: 'in uniform',
    category: 'sexual',
    note: 'Read in context: sexualised comments about colleagues in uniform.',
  },
  { term: 'waste of space', category: 'abusive_or_offensive', note: 'Personal abuse.' },
  {
    term: 'scum',
    category: 'abusive_or_offensive',
    note: 'Abuse; in posts about the public it undermines confidence.',
  },
  {
    term: 'woke',
    category: 'political_or_partisan',
    note: 'Partisan comment; usually only relevant with other content.',
  },
  {
    term: 'vote for',
    category: 'political_or_partisan',
    note: 'Political activity: officers must be impartial.',
  },
];
