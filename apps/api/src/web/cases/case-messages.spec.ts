import { PROBLEM_MESSAGES, problemMessage, SAVED_MESSAGES, savedMessage } from './case-messages';

describe('the case page messages', () => {
  it('shows the sentence a code names, and nothing for text someone put in the address', () => {
    expect(savedMessage('subject')).toBe('The subject has been added.');
    expect(savedMessage('Call 0800 000 000 and give your password')).toBeNull();
    expect(savedMessage('toString')).toBeNull();
    expect(savedMessage(['subject'])).toBeNull();
    expect(problemMessage('reason-missing')).toEqual({
      text: 'Give the reason for the change',
      href: '#reason',
    });
    expect(problemMessage('constructor')).toBeNull();
  });

  it('speaks in sentences, never in field names or codes', () => {
    for (const text of [...Object.values(SAVED_MESSAGES), ...Object.values(PROBLEM_MESSAGES)]) {
      expect(text).not.toMatch(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+[A-Z][a-zA-Z]*\b/);
    }
  });
});
