import type { Response } from 'express';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Sends a rendered document inline under its file name; the HTML may run no script. */
export function sendDocument(res: Response, filename: string, body: string | Buffer): void {
  const format = filename.slice(filename.lastIndexOf('.') + 1);
  res.setHeader('Content-Type', TYPES[format]);
  res.setHeader('Content-Disposition', `${format === 'docx' ? 'attachment' : 'inline'}; filename="${filename}"`);
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.status(200).send(body);
}
