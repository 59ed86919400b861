/**
 * Reads the EXIF tags an investigator asks about (device, software, times, place) from the raw
 * EXIF block sharp returns. Malformed data yields what could be read, never an exception: EXIF is
 * written by anything, and a bad block must not stop the rest of processing.
 */
export type ExifValue = string | number | number[];

const IFD0_TAGS: Record<number, string> = {
  0x010e: 'ImageDescription',
  0x010f: 'Make',
  0x0110: 'Model',
  0x0112: 'Orientation',
  0x0131: 'Software',
  0x0132: 'DateTime',
  0x013b: 'Artist',
  0x8298: 'Copyright',
};
const EXIF_TAGS: Record<number, string> = {
  0x9003: 'DateTimeOriginal',
  0x9004: 'DateTimeDigitized',
  0x9010: 'OffsetTime',
  0x9011: 'OffsetTimeOriginal',
  0xa002: 'PixelXDimension',
  0xa003: 'PixelYDimension',
  0xa420: 'ImageUniqueID',
  0xa433: 'LensMake',
  0xa434: 'LensModel',
};
const GPS_TAGS: Record<number, string> = {
  0x0001: 'GPSLatitudeRef',
  0x0002: 'GPSLatitude',
  0x0003: 'GPSLongitudeRef',
  0x0004: 'GPSLongitude',
  0x0005: 'GPSAltitudeRef',
  0x0006: 'GPSAltitude',
  0x0007: 'GPSTimeStamp',
  0x001d: 'GPSDateStamp',
};
const EXIF_POINTER = 0x8769;
const GPS_POINTER = 0x8825;
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };
const MAX_ENTRIES = 512;

export function parseExif(raw: Buffer | undefined | null): Record<string, ExifValue> | null {
  if (!raw || raw.length < 14) return null;
  const tiff = raw.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? raw.subarray(6) : raw;
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const u16 = (at: number): number | null =>
    at + 2 <= tiff.length ? (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at)) : null;
  const u32 = (at: number): number | null =>
    at + 4 <= tiff.length ? (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at)) : null;
  const i32 = (at: number): number | null =>
    at + 4 <= tiff.length ? (little ? tiff.readInt32LE(at) : tiff.readInt32BE(at)) : null;
  if (u16(2) !== 42) return null;

  const out: Record<string, ExifValue> = {};
  const pointers: Record<number, number> = {};

  const readValue = (type: number, count: number, at: number): ExifValue | null => {
    const size = TYPE_SIZE[type];
    if (!size || count === 0 || count > 1_000_000) return null;
    const inline = size * count <= 4;
    const start = inline ? at : u32(at);
    if (start === null || start + size * count > tiff.length) return null;
    if (type === 2)
      return tiff
        .subarray(start, start + count)
        .toString('latin1')
        .replace(/\0+$/, '')
        .trim();
    if (type === 7) return null;
    const values: number[] = [];
    for (let i = 0; i < Math.min(count, 16); i++) {
      const p = start + i * size;
      if (type === 1) values.push(tiff[p]);
      else if (type === 3) values.push(u16(p)!);
      else if (type === 4) values.push(u32(p)!);
      else if (type === 9) values.push(i32(p)!);
      else {
        const [num, den] = type === 5 ? [u32(p)!, u32(p + 4)!] : [i32(p)!, i32(p + 4)!];
        values.push(den === 0 ? 0 : num / den);
      }
    }
    return values.length === 1 ? values[0] : values;
  };

  const readIfd = (offset: number, tags: Record<number, string>, visited: Set<number>): void => {
    if (visited.has(offset)) return;
    visited.add(offset);
    const count = u16(offset);
    if (count === null || count > MAX_ENTRIES) return;
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      if (tag === null || type === null || n === null) return;
      if (tag === EXIF_POINTER || tag === GPS_POINTER) {
        const target = u32(entry + 8);
        if (target !== null) pointers[tag] = target;
        continue;
      }
      const name = tags[tag];
      if (!name) continue;
      const value = readValue(type, n, entry + 8);
      if (value !== null && value !== '') out[name] = value;
    }
  };

  const visited = new Set<number>();
  const first = u32(4);
  if (first === null) return null;
  readIfd(first, IFD0_TAGS, visited);
  if (pointers[EXIF_POINTER] !== undefined) readIfd(pointers[EXIF_POINTER], EXIF_TAGS, visited);
  if (pointers[GPS_POINTER] !== undefined) readIfd(pointers[GPS_POINTER], GPS_TAGS, visited);

  const latitude = decimalDegrees(out.GPSLatitude, out.GPSLatitudeRef, 'S');
  const longitude = decimalDegrees(out.GPSLongitude, out.GPSLongitudeRef, 'W');
  if (latitude !== null && longitude !== null) {
    out.GPSLatitudeDecimal = latitude;
    out.GPSLongitudeDecimal = longitude;
  }
  return Object.keys(out).length > 0 ? out : null;
}

function decimalDegrees(
  value: ExifValue | undefined,
  ref: ExifValue | undefined,
  negative: string,
): number | null {
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [d, m, s] = value;
  const degrees = d + m / 60 + s / 3600;
  return Math.round((ref === negative ? -degrees : degrees) * 1e6) / 1e6;
}
