import { decideAttachment } from './attachment-type.rules';

describe('which attachments a reporter may send', () => {
  it('accepts screenshots by their detected type', () => {
    for (const mime of ['image/png', 'image/jpeg', 'image/webp', 'image/gif'])
      expect(decideAttachment({ mime, ext: 'x' })).toEqual({ accepted: true, mediaType: mime });
  });

  it('refuses PDF, saying why and what to do instead', () => {
    const decision = decideAttachment({ mime: 'application/pdf', ext: 'pdf' });
    expect(decision).toEqual({ accepted: false, reason: expect.stringContaining('Take a screenshot') });
  });

  it('names what else it found', () => {
    expect(decideAttachment({ mime: 'application/zip', ext: 'zip' })).toEqual({
      accepted: false,
      reason: 'This is a ZIP file. Attach a screenshot or photo as PNG, JPEG, WebP or GIF.',
    });
    expect(decideAttachment(null)).toEqual({
      accepted: false,
      reason: 'This is a file of an unknown type. Attach a screenshot or photo as PNG, JPEG, WebP or GIF.',
    });
  });
});
