// The live room's video grid: your own preview with the microphone and camera switches, and one
// tile per other live connection, each with the tap-to-unmute fallback and, for the owner, a kick
// button. Media and connections are the live screen's; this only shows them.
import {h} from '../dom.js';

/**
 * @param {{viewer: function(): ({userId: string, owner: boolean}|null), onKick: function(object): void, onChange: function(): void}} options
 *   viewer() says who is looking (an owner gets kick buttons on the others' tiles); onKick({userId,
 *   nickname}) asks to remove a member; onChange() follows every tile that comes or goes.
 */
export function createVideos({viewer, onKick, onChange}) {
  const tiles = new Map();   // connectionId → {el, video, name, unmute, kickButton, info}
  let local = null;

  const localVideo = h('video', {testid: 'video-local', muted: true, autoplay: true, playsInline: true, 'aria-label': '내 화면 미리보기'});
  localVideo.setAttribute('muted', '');
  const localTile = h('div', {class: 'tile local'}, localVideo, h('span', {class: 'name'}, '나'));
  const el = h('div', {class: 'videos', role: 'group', 'aria-label': '화상'}, localTile);

  const mic = h('button', {type: 'button', testid: 'toggle-mic', on: {click: () => toggle('audio')}});
  const cam = h('button', {type: 'button', testid: 'toggle-cam', on: {click: () => toggle('video')}});
  const controls = h('div', {class: 'controls', role: 'group', 'aria-label': '마이크와 카메라'}, mic, cam);

  function setToggles() {
    for (const [button, kind] of [[mic, 'audio'], [cam, 'video']]) {
      const track = local?.getTracks().find((t) => t.kind === kind);
      const on = Boolean(track && track.enabled && track.readyState === 'live');
      button.disabled = !track;
      button.setAttribute('aria-pressed', String(on));
      if (kind === 'audio') button.textContent = !track ? '마이크 없음' : on ? '마이크 끄기' : '마이크 켜기';
      else button.textContent = !track ? '카메라 없음' : on ? '카메라 끄기' : '카메라 켜기';
    }
    localTile.classList.toggle('off', !local?.getVideoTracks().some((t) => t.enabled));
  }

  function toggle(kind) {
    const tracks = local?.getTracks().filter((t) => t.kind === kind) ?? [];
    if (tracks.length === 0) return;
    const enable = !tracks[0].enabled;
    tracks.forEach((t) => { t.enabled = enable; });
    setToggles();
  }

  /** Shows our own camera (null: none), and sets the switches by what it has. */
  function showLocal(stream) {
    local = stream;
    localVideo.srcObject = stream;
    if (stream) localVideo.play().catch(() => { /* muted preview; autoplay allows it */ });
    setToggles();
  }

  function ensureTile(info) {
    let tile = tiles.get(info.connectionId);
    if (!tile) {
      const video = h('video', {testid: 'video-remote', autoplay: true, playsInline: true,
        data: {userId: info.userId, connectionId: info.connectionId}, 'aria-label': `${info.nickname || '참여자'} 님의 화면`});
      const name = h('span', {class: 'name'});
      const unmute = h('button', {type: 'button', class: 'small unmute', testid: 'unmute', hidden: true,
        on: {click: () => unmuteTile(tile)}}, '눌러서 소리 켜기');
      const kickButton = h('button', {type: 'button', class: 'small danger tile-kick', testid: 'tile-kick', hidden: true,
        on: {click: () => onKick({userId: tile.info.userId, nickname: tile.info.nickname})}}, '내보내기');
      const tileEl = h('div', {class: 'tile remote', data: {userId: info.userId}}, video, name, unmute, kickButton);
      tile = {el: tileEl, video, name, unmute, kickButton, info: {...info}};
      tiles.set(info.connectionId, tile);
      el.append(tileEl);
    }
    Object.entries(info).forEach(([k, v]) => { if (v) tile.info[k] = v; });
    const you = viewer();
    tile.name.textContent = tile.info.nickname || '참여자';
    tile.video.setAttribute('aria-label', `${tile.info.nickname || '참여자'} 님의 화면`);
    tile.kickButton.hidden = !(you?.owner && tile.info.userId && tile.info.userId !== you.userId);
    tile.kickButton.setAttribute('aria-label', `${tile.info.nickname || '참여자'} 님 내보내기`);
    onChange();
    return tile;
  }

  function removeTile(connectionId) {
    const tile = tiles.get(connectionId);
    if (!tile) return;
    tiles.delete(connectionId);
    tile.video.srcObject = null;
    tile.el.remove();
    onChange();
  }

  /** A peer's media arrived or changed: show it, muted with an unmute button if the browser wants a tap first. */
  function showStream(info, stream) {
    const tile = ensureTile(info);
    if (tile.video.srcObject !== stream) tile.video.srcObject = stream;
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

  /** Every remote tile goes (the connection dropped or ended). */
  const clear = () => [...tiles.keys()].forEach(removeTile);

  /** The screen is closing: let go of every stream without redrawing. */
  function detach() {
    tiles.forEach((tile) => { tile.video.srcObject = null; });
    tiles.clear();
  }

  setToggles();
  return {
    el, controls, showLocal, ensureTile, removeTile, showStream, clear, detach,
    get local() { return local; },
    get remoteCount() { return tiles.size; },
  };
}
