// What a video tile and the mic and camera switches show, from what is known of the media. Pure.
//
// A remote peer: its received tracks ({muted, ended} or null for none) and what it told over the
// peers' data channel ({camera, mic}: true on, false off, null no such device; null: nothing told).
// Us: each device's state ("unknown" before the first try, "yes", "no") and what we want (on/off).

/**
 * A peer's tile: camera "on" only with a live, unmuted video track the peer did not say is off;
 * mic "off" when it said so, or when its media came without a live sound track.
 * {caption} is the words over the picture when the camera is not on.
 */
export function remoteTileState({stream = false, video = null, audio = null, says = null} = {}) {
  const videoLive = Boolean(video && !video.ended && !video.muted);
  const audioLive = Boolean(audio && !audio.ended && !audio.muted);
  const camera = videoLive && says?.camera !== false && says?.camera !== null ? 'on' : 'off';
  let mic = 'on';
  if (says && says.mic !== true) mic = 'off';
  else if (!says && stream && !audioLive) mic = 'off';
  let caption = null;
  if (camera === 'off') {
    if (says?.camera === null) caption = '카메라 없음';
    else if (!stream && !says) caption = '연결하는 중…';
    else caption = '카메라 꺼짐';
  }
  return {camera, mic, caption};
}

/** Our tile: live means we hold a stream now (after a kick or a full room we do not). */
export function localTileState({device = {}, want = {}, live = false} = {}) {
  const cameraOn = live && device.video === 'yes' && want.video !== false;
  const micOn = device.audio === 'yes' && want.audio !== false;
  let caption = null;
  if (!cameraOn) {
    if (device.video === 'no') caption = '카메라 없음';
    else if (want.video === false) caption = '카메라 꺼짐';
    else caption = '연결되면 카메라가 켜져요';
  }
  return {camera: cameraOn ? 'on' : 'off', mic: micOn && live ? 'on' : 'off', caption};
}

/**
 * A switch: {text, pressed, disabled}. Its words say the state ("마이크 켜짐", "마이크 꺼짐",
 * "마이크 없음"); it stays usable while we are not connected, and the choice holds when we are again.
 */
export function switchState(kind, device, want) {
  const noun = kind === 'audio' ? '마이크' : '카메라';
  if (device === 'no') return {text: `${noun} 없음`, pressed: false, disabled: true};
  const on = want !== false;
  return {text: `${noun} ${on ? '켜짐' : '꺼짐'}`, pressed: on, disabled: false};
}

/** What we tell our peers about our devices: true on, false off, null no such device. */
export function mediaNote(device = {}, want = {}) {
  const of = (kind) => (device[kind] === 'yes' ? want[kind] !== false : device[kind] === 'no' ? null : false);
  return {camera: of('video'), mic: of('audio')};
}
