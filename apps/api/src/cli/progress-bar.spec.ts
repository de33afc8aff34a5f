import { Writable } from 'node:stream';
import { progressBar } from './progress-bar';

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, chunks };
}

describe('the import progress bar', () => {
  it('redraws one line in place on a terminal, only when it changes', () => {
    const { stream, chunks } = capture(true);
    const bar = progressBar(stream, 'members', 10);
    bar.update(0, 1000);
    bar.update(0, 1000);
    bar.update(500, 1000);
    bar.update(1000, 1000);
    bar.finish();
    expect(chunks).toEqual([
      '\rmembers [----------] 0/1000 0%',
      '\rmembers [#####-----] 500/1000 50%',
      '\rmembers [##########] 1000/1000 100%',
      '\n',
    ]);
  });

  it('writes only the final line when the output is a file', () => {
    const { stream, chunks } = capture(false);
    const bar = progressBar(stream, 'members', 4);
    bar.update(250, 1000);
    bar.update(1000, 1000);
    bar.finish();
    expect(chunks).toEqual(['members [####] 1000/1000 100%\n']);
  });
});
