// How the video tiles share the space they are given: one tile big, two side by side or stacked,
// three or four in two rows. Pure: the screen measures, this decides, the screen sets CSS variables.

const PREFERRED_ASPECT = 4 / 3;   // what a webcam sends; a tile of another shape crops the picture
const MAX_ASPECT = 16 / 9;

/**
 * The column counts worth trying for {@code n} tiles: one column or two (three and four make a two
 * by two), and one row only for two tiles or a box far wider than tall.
 */
function candidates(n, width, height) {
  const counts = [1, Math.min(2, n)];
  if (n <= 2 || width >= 2.5 * height) counts.push(n);
  return [...new Set(counts)];
}

/** How much of a picture a tile of this shape shows of a camera of the preferred shape (1: all of it). */
function shown(aspect, preferred) {
  return Math.min(aspect / preferred, preferred / aspect);
}

/**
 * The layout of {@code count} tiles in a box {@code width} × {@code height} pixels: how many columns
 * and rows, and each tile's picture size. Every tile has a caption strip of {@code caption} pixels
 * under its picture, and {@code gap} pixels between tiles. A picture's shape stays between
 * {@code minAspect} (default: 3:4 in a tall box, 1:1 in a wide one) and 16:9; the layout chosen is
 * the one that shows the most of every camera, so tiles grow to fill the box without cropping faces.
 *
 * @returns {{columns: number, rows: number, tileWidth: number, pictureHeight: number, tileHeight: number}}
 */
export function gridShape(count, width, height, {gap = 8, caption = 0, minAspect, maxAspect = MAX_ASPECT,
  preferred = PREFERRED_ASPECT} = {}) {
  const n = Math.max(1, Math.floor(Number(count) || 1));
  const boxWidth = Math.max(1, Number(width) || 1);
  const boxHeight = Math.max(1, Number(height) || 1);
  const narrowest = minAspect ?? (boxHeight > boxWidth ? 3 / 4 : 1);
  let best = null;
  for (const columns of candidates(n, boxWidth, boxHeight)) {
    const rows = Math.ceil(n / columns);
    const cellWidth = (boxWidth - gap * (columns - 1)) / columns;
    const cellHeight = (boxHeight - gap * (rows - 1)) / rows - caption;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    const pictureHeight = Math.min(cellHeight, cellWidth / narrowest);
    const tileWidth = Math.min(cellWidth, pictureHeight * maxAspect);
    const score = n * tileWidth * pictureHeight * shown(tileWidth / pictureHeight, preferred);
    if (!best || score > best.score * 1.0001) best = {score, columns, rows, tileWidth, pictureHeight};
  }
  if (!best) {
    // No room at all: one column at the width given, pictures of the preferred shape (the page scrolls).
    const tileWidth = boxWidth;
    best = {columns: 1, rows: n, tileWidth, pictureHeight: tileWidth / preferred};
  }
  const tileWidth = Math.floor(best.tileWidth);
  const pictureHeight = Math.floor(best.pictureHeight);
  return {columns: best.columns, rows: best.rows, tileWidth, pictureHeight, tileHeight: pictureHeight + caption};
}

/**
 * The height the tiles may take: down to the bottom of the window (less what sits under them), and
 * on a one-column screen at most {@code share} of the window, so the rest of the room shows too.
 */
export function videoBudget({windowHeight, top, below = 0, singleColumn, share = 0.62, least = 220}) {
  const toBottom = windowHeight - Math.max(0, top) - below;
  const cap = singleColumn ? windowHeight * share : Infinity;
  return Math.floor(Math.max(least, Math.min(toBottom, cap)));
}
