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

/** A real PNG cut off two thirds of the way through its image data: a PNG by its header, undecodable. */
export async function truncatedPng(): Promise<Buffer> {
  const pixels = Buffer.alloc(200 * 200 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 251;
  const whole = await sharp(pixels, { raw: { width: 200, height: 200, channels: 3 } })
    .png()
    .toBuffer();
  return whole.subarray(0, Math.floor(whole.length * 0.66));
}
