import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { renderAsync } from '@resvg/resvg-js';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from './charts.js';

echarts.use([BarChart, GridComponent, MarkLineComponent, SVGRenderer]);

/**
 * The report's charts: echarts renders SVG on the server (no DOM, no canvas),
 * resvg turns it into a PNG that Word and LibreOffice both show. Chinese
 * labels need a CJK font on the machine (scripts/setup-browser.sh installs
 * Noto CJK); without one resvg leaves them out.
 */
const FONT = 'Noto Sans CJK SC, Noto Serif CJK SC, WenQuanYi Zen Hei, Source Han Sans SC, SimHei, Microsoft YaHei, sans-serif';
const SCALE = 2;
const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', '/System/Library/Fonts', 'C:\\Windows\\Fonts'];
const CJK_FILE = /(NotoSansCJK|NotoSerifCJK|SourceHan|wqy|simhei|simsun|msyh)[^/\\]*\.(ttc|ttf|otf)$/i;

let cjkFonts: string[] | undefined;
/**
 * The CJK font files on this machine, found once. Handing resvg these few
 * files instead of letting it parse every system font cuts a chart from
 * about 1.8 s to a fraction of that.
 */
function fontFiles(): string[] {
  if (cjkFonts) return cjkFonts;
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory() && depth < 4) walk(path, depth + 1);
      else if (CJK_FILE.test(e.name)) found.push(path);
    }
  };
  for (const dir of FONT_DIRS) walk(dir, 0);
  // One regular face: the charts use no bold, and each file costs parsing time on every render.
  cjkFonts = found.sort((a, b) => Number(/bold|serif/i.test(a)) - Number(/bold|serif/i.test(b))).slice(0, 1);
  return cjkFonts;
}

export interface Png { data: Buffer; width: number; height: number }

/** Rendered PNGs by SVG text: the same figures (until a write changes them) give the same chart at once. */
const cache = new Map<string, Buffer>();

/** A chart drawn: SVG by echarts, PNG by resvg (in the render worker). */
export async function renderChart({ option, width, height }: ChartSpec): Promise<Png> {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, fontSize: 13 }, backgroundColor: '#ffffff', ...option });
    // Each chart instance prefixes its CSS classes with its own counter (zr0-, zr1-…): drop it so equal charts give equal SVG.
    svg = chart.renderToSVGString().replace(/\bzr\d+-/g, 'zr-');
  } finally {
    chart.dispose();
  }
  const key = createHash('sha1').update(svg).digest('hex');
  let data = cache.get(key);
  if (!data) {
    const files = fontFiles();
    // renderAsync rasterises on libuv's thread pool, so a report being drawn does not stall other requests.
    const image = await renderAsync(svg, {
      fitTo: { mode: 'width', value: width * SCALE },
      font: files.length
        ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Noto Sans CJK SC' }
        : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    });
    data = image.asPng();
    if (cache.size >= 32) cache.delete(cache.keys().next().value!);
    cache.set(key, data);
  }
  return { data, width, height };
}
