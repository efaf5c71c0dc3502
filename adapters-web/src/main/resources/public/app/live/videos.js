// The live room's video grid: your own preview with the microphone and camera switches, and one
// tile per other live connection (tile.js). The tiles share the space by gridShape (grid.js): the
// screen measures the room the grid has, and sets the tile size as CSS variables. The switches
// say what each device is doing (on, off, none), and the choice holds across a reconnect. Media
// and connections are the live screen's; this only shows them.
import {h} from '../dom.js';
import {createTile} from './tile.js';
import {gridShape, videoBudget} from './grid.js';
import {localTileState, mediaNote, remoteTileState, switchState} from './tile-state.js';

const GAP = 8;          // .videos gap in live.css
const CAPTION = 42;     // .tile-caption height (40) and the tile's border (1 + 1) in live.css
const ONE_COLUMN = '(max-width: 959px)';   // .live-layout's breakpoint in live.css

/**
 * @param {{viewer: function(): ({userId: string, owner: boolean}|null), onKick: function(object): void,
 *   onChange: function(): void, onMedia?: function({camera, mic}): void}} options
 *   viewer() says who is looking (an owner gets kick buttons on the others' tiles); onKick({userId,
 *   nickname}) asks to remove a member; onChange() follows every tile that comes or goes;
 *   onMedia(note) when our camera or mic goes on or off (to tell the peers).
 */
export function createVideos({viewer, onKick, onChange, onMedia = () => {}}) {
  const tiles = new Map();   // connectionId → tile
  let local = null;
  const device = {audio: 'unknown', video: 'unknown'};
  const want = {audio: true, video: true};

  const localTile = createTile({local: true, info: {}});
  const el = h('div', {class: 'videos', testid: 'videos', role: 'group', 'aria-label': '화상'}, localTile.el);

  const mic = h('button', {type: 'button', class: 'media-switch', testid: 'toggle-mic', on: {click: () => toggle('audio')}});
  const cam = h('button', {type: 'button', class: 'media-switch', testid: 'toggle-cam', on: {click: () => toggle('video')}});
  const controls = h('div', {class: 'controls', role: 'group', 'aria-label': '마이크와 카메라'}, mic, cam);

  const holding = () => Boolean(local?.getTracks().some((t) => t.readyState === 'live'));

  function paintLocal() {
    for (const [button, kind] of [[mic, 'audio'], [cam, 'video']]) {
      const state = switchState(kind, device[kind], want[kind]);
      button.textContent = state.text;
      button.disabled = state.disabled;
      button.setAttribute('aria-pressed', String(state.pressed));
    }
    localTile.paint(localTileState({device, want, live: holding()}));
  }

  function toggle(kind) {
    if (device[kind] === 'no') return;
    want[kind] = !want[kind];
    local?.getTracks().filter((t) => t.kind === kind).forEach((t) => { t.enabled = want[kind]; });
    paintLocal();
    onMedia(note());
  }

  /** What the peers are told of our devices. */
  const note = () => mediaNote(device, want);

  /**
   * Shows our own camera (null: none now), sets the switches by what it has and what we chose.
   * {@code problem} is openMedia's: with no stream, "absent"/"denied"/"unsupported" mean no devices;
   * a stream let go of (after a kick or a full room) keeps what the devices were.
   */
  function showLocal(stream, problem = null) {
    local = stream;
    if (stream) {
      for (const kind of ['audio', 'video']) {
        const tracks = stream.getTracks().filter((t) => t.kind === kind);
        device[kind] = tracks.length > 0 ? 'yes' : 'no';
        tracks.forEach((t) => { t.enabled = want[kind]; });
      }
    } else if (problem) {
      device.audio = 'no';
      device.video = 'no';
    }
    localTile.video.srcObject = stream;
    if (stream) localTile.video.play().catch(() => { /* muted preview; autoplay allows it */ });
    paintLocal();
    onMedia(note());
  }

  /** Who we are, for our tile's name and face. */
  function setMe(me) {
    if (me) localTile.setInfo({userId: me.userId, nickname: me.nickname, profileImageUrl: me.profileImageUrl});
  }

  function ensureTile(info) {
    let tile = tiles.get(info.connectionId);
    if (!tile) {
      tile = createTile({local: false, info, onKick, onUnmute: () => unmuteTile(tile)});
      tile.el.dataset.connectionId = info.connectionId;
      tile.setStatus(info.status ?? 'studying', info.subject);
      tile.paint(remoteTileState({}));
      tiles.set(info.connectionId, tile);
      el.append(tile.el);
      fit();
    }
    // Status and subject change by `peer-status` only (setStatus): a peer's info from its join is older.
    const you = viewer();
    const userId = info.userId ?? tile.info.userId;
    tile.setInfo(info, Boolean(you?.owner && userId && userId !== you.userId));
    onChange();
    return tile;
  }

  /** A tile's status badge, from a `peer-status` frame (or the peer's first status). */
  function setStatus(connectionId, status, subject) {
    tiles.get(connectionId)?.setStatus(status, subject);
  }

  /** Our own tile's status badge; null while we are not live. */
  function setLocalStatus(userId, status, subject) {
    localTile.setStatus(userId ? status : null, subject);
  }

  /** What is known of a peer's camera and mic changed (rtc.js mediaOf). */
  function setMedia(connectionId, media) {
    tiles.get(connectionId)?.paint(remoteTileState(media));
  }

  function removeTile(connectionId) {
    const tile = tiles.get(connectionId);
    if (!tile) return;
    tiles.delete(connectionId);
    tile.video.srcObject = null;
    tile.el.remove();
    fit();
    onChange();
  }

  /** A peer's media arrived or changed: show it, muted with an unmute button if the browser wants a tap first. */
  function showStream(info, stream, media) {
    const tile = ensureTile(info);
    if (tile.video.srcObject !== stream) tile.video.srcObject = stream;
    if (media) tile.paint(remoteTileState(media));
    tile.video.play().then(() => {
      if (!tile.video.muted) tile.unmute.hidden = true;
    }).catch((error) => {
      if (error?.name !== 'NotAllowedError') return;
      // Sound needs a tap first: show the picture muted meanwhile.
      tile.video.muted = true;
      tile.video.play().catch(() => {});
      tile.unmute.hidden = false;
    });
  }

  function unmuteTile(tile) {
    tile.video.muted = false;
    tile.video.play().then(() => { tile.unmute.hidden = true; }).catch(() => {
      tile.video.muted = true;
      tile.video.play().catch(() => {});
    });
  }

  // ---- layout ----
  let shown = '';
  /** Sizes the tiles to the room the grid has now (after a tile comes or goes, a resize, a notice). */
  function fit() {
    const width = el.clientWidth;
    if (!width || !el.isConnected) return;
    const top = el.getBoundingClientRect().top + window.scrollY;
    const tabbar = document.querySelector('[data-testid=tabbar]');
    const tabbarHeight = tabbar && tabbar.offsetParent !== null ? tabbar.getBoundingClientRect().height : 0;
    const below = controls.getBoundingClientRect().height + 28 + tabbarHeight;
    const budget = videoBudget({windowHeight: window.innerHeight, top, below, singleColumn: window.matchMedia(ONE_COLUMN).matches});
    const shape = gridShape(tiles.size + 1, width, budget, {gap: GAP, caption: CAPTION});
    el.dataset.fitWidth = String(width);   // what the tiles are sized for (tests wait for it)
    const key = `${shape.columns}|${shape.tileWidth}|${shape.pictureHeight}`;
    if (key === shown) return;
    shown = key;
    el.style.setProperty('--tile-w', `${shape.tileWidth}px`);
    el.style.setProperty('--picture-h', `${shape.pictureHeight}px`);
    el.dataset.columns = String(shape.columns);
    el.dataset.tiles = String(tiles.size + 1);
  }

  let frame = 0;
  const fitSoon = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(fit);
  };
  const resize = new ResizeObserver(fitSoon);
  resize.observe(el);
  window.addEventListener('resize', fitSoon);

  /** Every remote tile goes (the connection dropped or ended). */
  const clear = () => [...tiles.keys()].forEach(removeTile);

  /** The screen is closing: let go of every stream without redrawing. */
  function detach() {
    tiles.forEach((tile) => { tile.video.srcObject = null; });
    tiles.clear();
    resize.disconnect();
    window.removeEventListener('resize', fitSoon);
    cancelAnimationFrame(frame);
  }

  paintLocal();
  return {
    el, controls, showLocal, setMe, ensureTile, removeTile, showStream, setMedia, clear, detach, setStatus, setLocalStatus,
    fit: fitSoon, note,
    get local() { return local; },
    get remoteCount() { return tiles.size; },
  };
}
