import { parseExif } from './exif.rules';

/** A little-endian EXIF block: IFD0 (Make, Orientation, Exif and GPS pointers), Exif IFD, GPS IFD. */
function exifBlock(): Buffer {
  const b = Buffer.alloc(400);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    b.writeUInt32LE(value, at + 8);
  };
  // IFD0 at 8: 4 entries
  b.writeUInt16LE(4, 8);
  entry(10, 0x010f, 2, 14, 200); // Make -> offset 200
  entry(22, 0x0112, 3, 1, 6); // Orientation 6, inline
  entry(34, 0x8769, 4, 1, 100); // Exif IFD
  entry(46, 0x8825, 4, 1, 140); // GPS IFD
  b.write('FictionalPhone\0', 200, 'latin1');
  // Exif IFD at 100: DateTimeOriginal
  b.writeUInt16LE(1, 100);
  entry(102, 0x9003, 2, 20, 220);
  b.write('2026:11:02 21:14:05\0', 220, 'latin1');
  // GPS IFD at 140: latitude N 51° 30' 0", longitude W 0° 7' 30"
  b.writeUInt16LE(4, 140);
  entry(142, 0x0001, 2, 2, 0x4e); // 'N' inline
  entry(154, 0x0002, 5, 3, 260);
  entry(166, 0x0003, 2, 2, 0x57); // 'W' inline
  entry(178, 0x0004, 5, 3, 290);
  [51, 1, 30, 1, 0, 1].forEach((v, i) => b.writeUInt32LE(v, 260 + i * 4));
  [0, 1, 7, 1, 30, 1].forEach((v, i) => b.writeUInt32LE(v, 290 + i * 4));
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), b]);
}

describe('EXIF', () => {
  it('reads device, time, orientation and place', () => {
    expect(parseExif(exifBlock())).toEqual({
      Make: 'FictionalPhone',
      Orientation: 6,
      DateTimeOriginal: '2026:11:02 21:14:05',
      GPSLatitudeRef: 'N',
      GPSLatitude: [51, 30, 0],
      GPSLongitudeRef: 'W',
      GPSLongitude: [0, 7, 30],
      GPSLatitudeDecimal: 51.5,
      GPSLongitudeDecimal: -0.125,
    });
  });

  it('returns what it can, never throws, on truncated or foreign data', () => {
    const whole = exifBlock();
    for (let cut = 0; cut < whole.length; cut += 7)
      expect(() => parseExif(whole.subarray(0, cut))).not.toThrow();
    expect(parseExif(Buffer.from('not exif at all, just bytes'))).toBeNull();
    expect(parseExif(undefined)).toBeNull();
  });

  it('survives an IFD that points at itself', () => {
    const b = exifBlock();
    b.writeUInt32LE(8, 6 + 34 + 8); // the Exif pointer now points back at IFD0
    expect(parseExif(b)).toMatchObject({ Make: 'FictionalPhone' });
  });
});
