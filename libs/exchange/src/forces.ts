/**
 * The forces of England and Wales and the three national special forces, with the codes the exchange
 * format uses (kept in the repository, so the apps carry it).
 */
export interface Force {
  code: string;
  name: string;
  country: string;
  kind: string;
}

export const FORCES: readonly Force[] = [
  {
    code: 'avon-and-somerset',
    name: 'Avon and Somerset Constabulary',
    country: 'england',
    kind: 'territorial',
  },
  { code: 'bedfordshire', name: 'Bedfordshire Police', country: 'england', kind: 'territorial' },
  { code: 'cambridgeshire', name: 'Cambridgeshire Constabulary', country: 'england', kind: 'territorial' },
  { code: 'cheshire', name: 'Cheshire Constabulary', country: 'england', kind: 'territorial' },
  { code: 'city-of-london', name: 'City of London Police', country: 'england', kind: 'territorial' },
  { code: 'cleveland', name: 'Cleveland Police', country: 'england', kind: 'territorial' },
  { code: 'cumbria', name: 'Cumbria Constabulary', country: 'england', kind: 'territorial' },
  { code: 'derbyshire', name: 'Derbyshire Constabulary', country: 'england', kind: 'territorial' },
  { code: 'devon-and-cornwall', name: 'Devon and Cornwall Police', country: 'england', kind: 'territorial' },
  { code: 'dorset', name: 'Dorset Police', country: 'england', kind: 'territorial' },
  { code: 'durham', name: 'Durham Constabulary', country: 'england', kind: 'territorial' },
  { code: 'dyfed-powys', name: 'Dyfed-Powys Police', country: 'wales', kind: 'territorial' },
  { code: 'essex', name: 'Essex Police', country: 'england', kind: 'territorial' },
  { code: 'gloucestershire', name: 'Gloucestershire Constabulary', country: 'england', kind: 'territorial' },
  { code: 'greater-manchester', name: 'Greater Manchester Police', country: 'england', kind: 'territorial' },
  { code: 'gwent', name: 'Gwent Police', country: 'wales', kind: 'territorial' },
  {
    code: 'hampshire',
    name: 'Hampshire and Isle of Wight Constabulary',
    country: 'england',
    kind: 'territorial',
  },
  { code: 'hertfordshire', name: 'Hertfordshire Constabulary', country: 'england', kind: 'territorial' },
  { code: 'humberside', name: 'Humberside Police', country: 'england', kind: 'territorial' },
  { code: 'kent', name: 'Kent Police', country: 'england', kind: 'territorial' },
  { code: 'lancashire', name: 'Lancashire Constabulary', country: 'england', kind: 'territorial' },
  { code: 'leicestershire', name: 'Leicestershire Police', country: 'england', kind: 'territorial' },
  { code: 'lincolnshire', name: 'Lincolnshire Police', country: 'england', kind: 'territorial' },
  { code: 'merseyside', name: 'Merseyside Police', country: 'england', kind: 'territorial' },
  { code: 'metropolitan', name: 'Metropolitan Police Service', country: 'england', kind: 'territorial' },
  { code: 'norfolk', name: 'Norfolk Constabulary', country: 'england', kind: 'territorial' },
  { code: 'north-wales', name: 'North Wales Police', country: 'wales', kind: 'territorial' },
  { code: 'north-yorkshire', name: 'North Yorkshire Police', country: 'england', kind: 'territorial' },
  { code: 'northamptonshire', name: 'Northamptonshire Police', country: 'england', kind: 'territorial' },
  { code: 'northumbria', name: 'Northumbria Police', country: 'england', kind: 'territorial' },
  { code: 'nottinghamshire', name: 'Nottinghamshire Police', country: 'england', kind: 'territorial' },
  { code: 'south-wales', name: 'South Wales Police', country: 'wales', kind: 'territorial' },
  { code: 'south-yorkshire', name: 'South Yorkshire Police', country: 'england', kind: 'territorial' },
  { code: 'staffordshire', name: 'Staffordshire Police', country: 'england', kind: 'territorial' },
  { code: 'suffolk', name: 'Suffolk Constabulary', country: 'england', kind: 'territorial' },
  { code: 'surrey', name: 'Surrey Police', country: 'england', kind: 'territorial' },
  { code: 'sussex', name: 'Sussex Police', country: 'england', kind: 'territorial' },
  { code: 'thames-valley', name: 'Thames Valley Police', country: 'england', kind: 'territorial' },
  { code: 'warwickshire', name: 'Warwickshire Police', country: 'england', kind: 'territorial' },
  { code: 'west-mercia', name: 'West Mercia Police', country: 'england', kind: 'territorial' },
  { code: 'west-midlands', name: 'West Midlands Police', country: 'england', kind: 'territorial' },
  { code: 'west-yorkshire', name: 'West Yorkshire Police', country: 'england', kind: 'territorial' },
  { code: 'wiltshire', name: 'Wiltshire Police', country: 'england', kind: 'territorial' },
  {
    code: 'british-transport',
    name: 'British Transport Police',
    country: 'england-wales-scotland',
    kind: 'special',
  },
  { code: 'ministry-of-defence', name: 'Ministry of Defence Police', country: 'uk', kind: 'special' },
  { code: 'civil-nuclear', name: 'Civil Nuclear Constabulary', country: 'uk', kind: 'special' },
];

export const FORCE_CODES: ReadonlySet<string> = new Set(FORCES.map((force) => force.code));
