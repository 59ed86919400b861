import { casePageNotice, uploadNoticeFor } from './page-notices';

describe('page notices chosen by a code', () => {
  it('shows the fixed sentence for a known code', () => {
    expect(casePageNotice('upload-too-large')?.text).toBe(
      'The file is larger than this service accepts. Nothing was stored.',
    );
  });

  it('shows nothing for text or an unknown code, so no link can put words on the page', () => {
    expect(casePageNotice('Call 0800 000 000 and give your password')).toBeNull();
    expect(casePageNotice('toString')).toBeNull();
    expect(casePageNotice(['upload-too-large'])).toBeNull();
    expect(casePageNotice(undefined)).toBeNull();
  });

  it("maps the evidence lib's refusals to notices", () => {
    expect(uploadNoticeFor('evidence_type_not_accepted')).toBe('upload-type-not-accepted');
    expect(uploadNoticeFor('evidence_file_missing')).toBe('upload-missing');
    expect(uploadNoticeFor('anything_else')).toBe('upload-refused');
  });
});
