/** Codes whose words are not just the code with spaces: names as their owners write them. */
const NAMES: Record<string, string> = {
  whatsapp: 'WhatsApp',
  tiktok: 'TikTok',
  facebook: 'Facebook',
  twitter: 'X (Twitter)',
  instagram: 'Instagram',
  snapchat: 'Snapchat',
  telegram: 'Telegram',
  pcso: 'PCSO',
  psd_direct: 'direct to Professional Standards',
  iopc_referral: 'IOPC referral',
  iopc_referral_hold: 'IOPC referral hold',
  iopc_criteria_met: 'IOPC referral criteria met',
  pcr2012: 'Police (Conduct) Regulations 2012',
  pcr2020: 'Police (Conduct) Regulations 2020',
};

/** An exchange-format or status code as words for people: `final_written_warning` → "final written warning". */
export function words(code: string): string {
  return NAMES[code] ?? code.replace(/_/g, ' ');
}
