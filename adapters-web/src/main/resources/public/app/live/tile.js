// One video tile: the picture, and over it when the camera is not on, the person's picture or
// initial with their name and why ("카메라 꺼짐"); under it a caption strip with the name, a
// muted-mic mark and, for the owner on others' tiles, the 내보내기 button, so nothing covers the video.
import {h} from '../dom.js';
import {paintStatus} from './statuses.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A crossed-out microphone, drawn in the text colour. */
function micOffIcon() {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'mic-off-icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ['M9 5a3 3 0 0 1 6 0v6a3 3 0 0 1-6 0z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3', 'M4 3l16 18']) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

function avatar(info) {
  const name = info.nickname || '?';
  if (info.profileImageUrl) {
    return h('img', {class: 'tile-avatar', src: info.profileImageUrl, alt: '', decoding: 'async'});
  }
  return h('span', {class: 'tile-avatar placeholder', 'aria-hidden': 'true'}, [...name][0] ?? '?');
}

/**
 * @param {{local: boolean, info: object, onKick?: function(object): void, onUnmute?: function(): void}} options
 * @returns the tile: {el, video, status, unmute, info, paint(state), setInfo(info, canKick)}
 */
export function createTile({local, info, onKick, onUnmute}) {
  const label = local ? '내 화면 미리보기' : `${info.nickname || '참여자'} 님의 화면`;
  const video = h('video', {testid: local ? 'video-local' : 'video-remote', muted: local, autoplay: true, playsInline: true,
    'aria-label': label, data: {userId: info.userId, connectionId: info.connectionId}});
  if (local) video.setAttribute('muted', '');
  const offAvatar = h('span', {class: 'tile-off-avatar'});
  const offName = h('span', {class: 'tile-off-name'});
  const offCaption = h('span', {class: 'tile-off-caption'});
  const off = h('div', {class: 'tile-off', testid: 'camera-off', hidden: true}, offAvatar, offName, offCaption);
  const status = h('span', {testid: 'peer-status', hidden: true, data: {userId: info.userId}});
  const unmute = local ? null : h('button', {type: 'button', class: 'small unmute', testid: 'unmute', hidden: true,
    on: {click: () => onUnmute?.()}}, '눌러서 소리 켜기');
  const picture = h('div', {class: 'tile-picture'}, video, off, status, unmute);

  const mic = h('span', {class: 'tile-mic', role: 'img', 'aria-label': '마이크 꺼짐', title: '마이크 꺼짐', hidden: true}, micOffIcon());
  const name = h('span', {class: 'name'});
  const kick = local ? null : h('button', {type: 'button', class: 'small danger tile-kick', testid: 'tile-kick', hidden: true,
    on: {click: () => onKick?.({userId: tile.info.userId, nickname: tile.info.nickname})}}, '내보내기');
  const caption = h('div', {class: 'tile-caption'}, mic, name, kick);
  const el = h('div', {class: ['tile', local ? 'local' : 'remote'], testid: 'video-tile',
    data: {userId: info.userId, camera: 'off', mic: 'on'}}, picture, caption);

  const tile = {
    el, video, status, unmute, info: {...info},

    /** Who this is: name, picture, and (owner's view of another) the kick button. */
    setInfo(next, canKick = false) {
      Object.entries(next ?? {}).forEach(([k, v]) => { if (v && k !== 'status' && k !== 'subject') tile.info[k] = v; });
      const who = tile.info.nickname || (local ? '나' : '참여자');
      name.textContent = local ? `${who} (나)` : who;
      name.title = name.textContent;
      offName.textContent = who;
      offAvatar.replaceChildren(avatar(tile.info));
      if (tile.info.userId) {
        el.dataset.userId = tile.info.userId;
        video.dataset.userId = tile.info.userId;
        status.dataset.userId = tile.info.userId;
      }
      if (!local) {
        video.setAttribute('aria-label', `${who} 님의 화면`);
        kick.hidden = !canKick;
        kick.setAttribute('aria-label', `${who} 님 내보내기`);
      }
    },

    /** {camera: "on"|"off", mic: "on"|"off", caption}: the picture or the camera-off face, and the mic mark. */
    paint({camera, mic: micState, caption: words}) {
      el.dataset.camera = camera;
      el.dataset.mic = micState;
      video.dataset.camera = camera;
      video.dataset.mic = micState;
      off.hidden = camera === 'on';
      offCaption.textContent = words ?? '';
      mic.hidden = micState !== 'off';
    },

    /** A status badge: studying (and what) or on a break; hidden while not live. */
    setStatus(value, subject) {
      if (!value) {
        status.hidden = true;
        delete status.dataset.status;
        el.classList.remove('resting');
        return;
      }
      paintStatus(status, value, subject);
      el.classList.toggle('resting', value === 'break');
    },
  };
  tile.setInfo(info);
  return tile;
}
