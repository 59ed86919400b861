import sharp from 'sharp';

/** A screenshot-like PNG: dark text on white, rendered by sharp from SVG. Fictional words only. */
export async function pngWithText(lines: string[], width = 900): Promise<Buffer> {
  const height = 60 + lines.length * 56;
  const text = lines
    .map(
      (line, i) =>
        `<text x="24" y="${64 + i * 56}" font-family="DejaVu Sans, sans-serif" font-size="34" fill="#111">${line}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A JPEG carrying EXIF written by sharp. */
export async function jpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'FictionalPhone', Model: 'Model 7', Software: 'Precedent test' } })
    .toBuffer();
}

/** Starts like a PNG (its magic bytes) and then is noise: stored as a PNG, refused by the decoder. */
export function corruptPng(): Buffer {
  const noise = Buffer.alloc(3000);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise]);
}
