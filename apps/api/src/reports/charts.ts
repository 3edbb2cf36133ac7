import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { renderAsync } from '@resvg/resvg-js';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

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

async function render(option: echarts.EChartsCoreOption, width: number, height: number): Promise<Png> {
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

/** 图：支部得分分布 — branches per score band, the band below the pass line in red. */
export function distributionChart(buckets: { label: string; count: number; to: number }[], passLine: number): Promise<Png> {
  return render({
    grid: { left: 50, right: 20, top: 30, bottom: 40 },
    xAxis: { type: 'category', data: buckets.map((b) => b.label), axisLabel: { fontSize: 13 } },
    yAxis: { type: 'value', name: '支部数（个）', minInterval: 1, nameTextStyle: { fontSize: 12 } },
    series: [{
      type: 'bar', barWidth: '55%',
      data: buckets.map((b) => ({ value: b.count, itemStyle: { color: b.to <= passLine ? '#c0392b' : '#3a6ea5' } })),
      label: { show: true, position: 'top', fontSize: 13 },
    }],
  }, 600, 300);
}

/** Beyond this many bars a ranking shows only its two ends (a province-sized tree has hundreds of units). */
export const RANKING_MAX = 30;

/** 图：综合得分排名 — one bar per organisation, best on top, with the pass line marked; the best and worst 15 when there are more than 30. */
export function rankingChart(rows: { name: string; total: number }[], passLine: number): Promise<Png> {
  const all = [...rows].sort((a, b) => a.total - b.total);
  const half = RANKING_MAX / 2;
  const sorted = all.length > RANKING_MAX ? [...all.slice(0, half), ...all.slice(-half)] : all;
  const height = Math.max(220, 60 + sorted.length * 22);
  const longest = Math.max(4, ...sorted.map((r) => r.name.length));
  return render({
    grid: { left: 16 + longest * 12, right: 50, top: 20, bottom: 30 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { fontSize: 12 } },
    series: [{
      type: 'bar', barWidth: 14,
      data: sorted.map((r) => ({ value: r.total, itemStyle: { color: r.total < passLine ? '#c0392b' : '#3a6ea5' } })),
      label: { show: true, position: 'right', fontSize: 12 },
      markLine: { symbol: 'none', silent: true, lineStyle: { color: '#c0392b', type: 'dashed' }, label: { formatter: `合格线${passLine}` }, data: [{ xAxis: passLine }] },
    }],
  }, 600, height);
}
