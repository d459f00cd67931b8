import { Module } from '@nestjs/common';
import { AppConfig } from '@npa/platform';
import { CertificateLetters } from './certificate-letters';
import { LetterJobs } from './letter.jobs';
import { LettersModule } from './letters.module';
import { ChromiumPdfEngine, PdfEngine } from './pdf/pdf-engine';

/** The worker's half: composing letters with a warm Chromium, and emailing them. */
@Module({
  imports: [LettersModule],
  providers: [
    {
      provide: PdfEngine,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new ChromiumPdfEngine({ executablePath: config.CHROMIUM_PATH, concurrency: config.PDF_CONCURRENCY }),
    },
    LetterJobs,
    CertificateLetters,
  ],
})
export class LettersWorkerModule {}
