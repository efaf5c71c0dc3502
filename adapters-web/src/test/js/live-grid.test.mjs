import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {gridShape, videoBudget} from '../../main/resources/public/app/live/grid.js';

const CAPTION = 42;
const GAP = 8;
const shape = (count, width, height) => gridShape(count, width, height, {gap: GAP, caption: CAPTION});

/** The box the tiles take: columns × rows with the gaps. */
const used = (s, count) => {
  const inLastRow = count - (s.rows - 1) * s.columns;
  const widest = Math.min(s.columns, Math.max(inLastRow, s.rows > 1 ? s.columns : inLastRow));
  return {width: widest * s.tileWidth + (widest - 1) * GAP, height: s.rows * s.tileHeight + (s.rows - 1) * GAP};
};

describe('the video grid', () => {
  it('gives one tile the whole desktop column, no wider than 16:9', () => {
    const s = shape(1, 990, 580);
    assert.deepEqual([s.columns, s.rows], [1, 1]);
    assert.equal(s.tileHeight, 580);
    assert.ok(s.tileWidth >= 940 && s.tileWidth <= 990, `wide: ${s.tileWidth}`);
    assert.ok(s.tileWidth / s.pictureHeight <= 16 / 9 + 0.01);
  });

  it('puts two side by side on a desktop and one above the other on a phone', () => {
    const desk = shape(2, 990, 580);
    assert.deepEqual([desk.columns, desk.rows], [2, 1]);
    assert.equal(desk.tileWidth, 491);
    const phone = shape(2, 336, 450);
    assert.deepEqual([phone.columns, phone.rows], [1, 2]);
    assert.ok(phone.tileWidth >= 300, `a phone tile spans the width: ${phone.tileWidth}`);
  });

  it('makes three and four a two by two on a desktop and on a phone', () => {
    for (const count of [3, 4]) {
      for (const [width, height] of [[990, 580], [336, 450], [700, 500]]) {
        const s = shape(count, width, height);
        assert.deepEqual([s.columns, s.rows], [2, 2], `${count} tiles in ${width}×${height}`);
      }
    }
  });

  it('never overflows the box it is given, and fills most of it', () => {
    for (let count = 1; count <= 4; count++) {
      for (const [width, height] of [[336, 450], [336, 300], [990, 580], [1200, 560], [600, 900], [700, 400]]) {
        const s = shape(count, width, height);
        const box = used(s, count);
        assert.ok(box.width <= width && box.height <= height, `${count} in ${width}×${height}: ${JSON.stringify(s)}`);
        const tiles = count * s.tileWidth * s.tileHeight;
        assert.ok(tiles >= 0.45 * width * height, `${count} in ${width}×${height} fill ${(tiles / width / height).toFixed(2)}`);
        const aspect = s.tileWidth / s.pictureHeight;
        assert.ok(aspect >= 0.74 && aspect <= 16 / 9 + 0.01, `aspect ${aspect}`);
      }
    }
  });

  it('keeps a picture in a sensible shape in a very tall or very wide box', () => {
    const tall = shape(1, 336, 2000);
    assert.ok(tall.tileWidth / tall.pictureHeight >= 0.74, 'no strip standing on end');
    const wide = shape(2, 2000, 300);
    assert.ok(wide.tileWidth / wide.pictureHeight <= 16 / 9 + 0.01, 'no letterbox slit');
    assert.deepEqual([wide.columns, wide.rows], [2, 1]);
  });

  it('falls back to a column when there is no room, rather than to nothing', () => {
    const s = shape(3, 300, 20);
    assert.deepEqual([s.columns, s.rows], [1, 3]);
    assert.ok(s.pictureHeight > 0 && s.tileWidth === 300);
    assert.deepEqual(gridShape(0, 0, 0).columns, 1);
  });
});

describe('the height for the videos', () => {
  it('runs to the bottom of the window on a desktop', () => {
    assert.equal(videoBudget({windowHeight: 768, top: 130, below: 60, singleColumn: false}), 578);
  });

  it('takes at most a share of a phone window, and never less than a floor', () => {
    assert.equal(videoBudget({windowHeight: 740, top: 120, below: 60, singleColumn: true}), Math.floor(740 * 0.62));
    assert.equal(videoBudget({windowHeight: 740, top: 700, below: 60, singleColumn: true}), 220);
  });
});

describe('three or four tiles in a very wide box', () => {
  it('may stand in one row', () => {
    const s = gridShape(3, 1500, 400, {gap: 8, caption: 42});
    assert.deepEqual([s.columns, s.rows], [3, 1]);
  });
});
