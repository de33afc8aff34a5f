/**
 * A one-line progress bar for the terminal, redrawn in place with a carriage return. When the stream
 * is not a terminal (a log file, CI) it writes only the final line, so logs stay readable.
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
  width = 30,
): ProgressBar {
  let drawn = '';
  let last = { done: 0, total: 0 };
  const render = ({ done, total }: typeof last) => {
    const share = total > 0 ? Math.min(done / total, 1) : 1;
    const filled = Math.round(share * width);
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.round(share * 100)}%`;
  };
  return {
    update(done, total) {
      last = { done, total };
      const line = render(last);
      if (stream.isTTY && line !== drawn) stream.write(`\r${line}`);
      drawn = line;
    },
    finish() {
      stream.write(stream.isTTY ? '\n' : `${render(last)}\n`);
    },
  };
}
