import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How long the projector shows each page of stages before turning to the next. */
export const STAGE_PAGE_MS = 10_000;

export interface StagePages {
  /** The stages on the page shown (indexes into the count's stages). */
  shown: number[];
  page: number;
  pages: number;
  paused: boolean;
  boxRef: React.RefObject<HTMLDivElement | null>;
  tableRef: React.RefObject<HTMLTableElement | null>;
}

/**
 * The projector's stage table in pages that fit the screen's width (docs/DECISIONS.md, issue 20
 * elections4): as many stage columns as fit beside the candidates' names, measured before the browser
 * paints (and again when the window changes), so a column is never cut off and nobody scrolls. The pages
 * turn by themselves, like slides; the projector's operator can take over with the keyboard (→ or Page
 * Down next, ← or Page Up back, Home first, End last), which stops the turning, and Space turns it back on.
 * Without `enabled` (a phone) every stage is on the one page.
 */
export function useStagePages(stageCount: number, enabled: boolean): StagePages {
  const boxRef = useRef<HTMLDivElement | null>(null);
  const tableRef = useRef<HTMLTableElement | null>(null);
  const [size, setSize] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  // null while measuring: every stage is drawn once, before the browser paints, to measure its column.
  const [pageCount, setPageCount] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const [paused, setPaused] = useState(false);
  const pages = enabled ? (pageCount ?? 1) : 1;

  useEffect(() => {
    if (!enabled) return;
    const onResize = () => setSize(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [enabled]);
  // A new size or count: measure again.
  useLayoutEffect(() => {
    setPageCount(null);
    setPage(0);
  }, [size, stageCount]);
  useLayoutEffect(() => {
    const box = boxRef.current;
    const table = tableRef.current;
    if (!enabled || !box || !table) return;
    if (pageCount === null) {
      // Every column drawn: the fewest pages whose stages, shared evenly, each fit beside the names.
      const [names, ...stages] = [...table.querySelectorAll('thead th')].map((th) => (th as HTMLElement).offsetWidth);
      const fits = (count: number) =>
        Array.from({ length: count }, (_, p) => stagesOnPage(p, count, stageCount)).every(
          (onPage) => names + onPage.reduce((sum, i) => sum + (stages[i] ?? 0), 0) <= box.clientWidth,
        );
      let count = 1;
      while (count < stageCount && !fits(count)) count++;
      setPageCount(count);
    } else if (table.offsetWidth > box.clientWidth && pageCount < stageCount) {
      // A page drawn by itself came out wider than measured: one page more.
      setPageCount(pageCount + 1);
    }
  });
  useEffect(() => {
    if (!enabled || paused || pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), STAGE_PAGE_MS);
    return () => clearInterval(timer);
  }, [enabled, paused, pages]);
  useEffect(() => {
    if (!enabled || pages <= 1) return;
    const onKey = (e: KeyboardEvent) => {
      const to: Record<string, (p: number) => number> = {
        ArrowRight: (p) => Math.min(pages - 1, p + 1),
        PageDown: (p) => Math.min(pages - 1, p + 1),
        ArrowLeft: (p) => Math.max(0, p - 1),
        PageUp: (p) => Math.max(0, p - 1),
        Home: () => 0,
        End: () => pages - 1,
      };
      if (e.key === ' ') {
        e.preventDefault();
        setPaused((was) => !was);
      } else if (to[e.key]) {
        e.preventDefault();
        setPaused(true);
        setPage(to[e.key]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, pages]);

  const current = Math.min(page, pages - 1);
  const shown = enabled && pageCount !== null ? stagesOnPage(current, pages, stageCount) : Array.from({ length: stageCount }, (_, i) => i);
  return { shown, page: current, pages, paused, boxRef, tableRef };
}

/** The stages on page `page` of `pages`, shared evenly (10 stages on 4 pages: 3, 2, 3, 2), in order. */
function stagesOnPage(page: number, pages: number, stageCount: number): number[] {
  const from = Math.round((page * stageCount) / pages);
  const to = Math.round(((page + 1) * stageCount) / pages);
  return Array.from({ length: to - from }, (_, i) => from + i);
}
