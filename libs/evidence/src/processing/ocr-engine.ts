import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrWord } from './ocr-result.entity';

export interface OcrOutput {
  text: string;
  confidence: number;
  words: OcrWord[];
  engine: string;
}

/**
 * Tesseract (tesseract.js, WASM) fully offline: the English model comes from the
 * @tesseract.js-data/eng package and nothing is fetched or cached at run time (docs/stack.md P16).
 * One worker per process, started on first use; its jobs run one at a time.
 */
@Injectable()
export class OcrEngine implements OnApplicationShutdown {
  private readonly logger = new Logger(OcrEngine.name);
  private worker?: Promise<Worker>;

  async recognise(image: Buffer): Promise<OcrOutput> {
    const worker = await this.start();
    const { data } = await worker.recognize(image, {}, { text: true, blocks: true });
    const words: OcrWord[] = [];
    let line = 0;
    for (const block of data.blocks ?? [])
      for (const paragraph of block.paragraphs)
        for (const row of paragraph.lines) {
          for (const word of row.words)
            words.push({
              text: word.text,
              confidence: Math.round(word.confidence * 10) / 10,
              box: [word.bbox.x0, word.bbox.y0, word.bbox.x1, word.bbox.y1],
              line,
            });
          line++;
        }
    return {
      text: data.text.trim(),
      confidence: data.confidence,
      words,
      engine: 'tesseract.js 7 eng (LSTM)',
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }

  private start(): Promise<Worker> {
    this.worker ??= createWorker('eng', OEM.LSTM_ONLY, {
      langPath: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'),
      gzip: true,
      cacheMethod: 'none',
    }).catch((error: unknown) => {
      this.worker = undefined;
      this.logger.error(`OCR engine did not start: ${String(error)}`);
      throw error;
    });
    return this.worker;
  }
}
