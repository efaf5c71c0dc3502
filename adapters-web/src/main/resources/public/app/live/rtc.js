// Camera and microphone, and the WebRTC mesh: one RTCPeerConnection per other live connection,
// negotiated with the "perfect negotiation" pattern over the server's `signal` frames: when both
// offer at once, the impolite side's offer wins and the polite side rolls its own back.
// Both sides open the connection as soon as they know of each other, but only the newcomer puts
// its tracks on at once (and so offers); the others put theirs on when answering, or after a few
// seconds without an offer. Headless Chromium was seen to stop gathering ICE candidates for good
// after an implicit rollback on a join, so glare is avoided where it is easy and resolved elsewhere.
// The side that offers first also opens a data channel, "media", on which each side tells whether
// its camera and mic are on (a disabled track still sends black frames and silence, so the other
// side cannot see it from the track); the tracks' mute and ended events are followed too.

/**
 * Asks for camera and microphone, then either one alone. Resolves with
 * {stream: MediaStream|null, problem: null|'denied'|'absent'|'unsupported'|'partial-video'|'partial-audio'}.
 */
export async function openMedia() {
  if (!navigator.mediaDevices?.getUserMedia) return {stream: null, problem: 'unsupported'};
  let firstError = null;
  for (const [constraints, partial] of [
    [{video: true, audio: true}, null],
    [{video: true}, 'partial-video'],
    [{audio: true}, 'partial-audio'],
  ]) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      return {stream, problem: partial};
    } catch (error) {
      firstError ??= error;
      // A refusal covers both devices: asking again for one of them only prompts the user twice.
      if (error?.name === 'NotAllowedError' || error?.name === 'SecurityError') break;
    }
  }
  const denied = firstError?.name === 'NotAllowedError' || firstError?.name === 'SecurityError';
  return {stream: null, problem: denied ? 'denied' : 'absent'};
}

const ANSWER_WAIT_MS = 3000;
const MEDIA_CHANNEL = 'media';
const WATCHDOG_MS = 12000;

export function stopStream(stream) {
  stream?.getTracks().forEach((track) => track.stop());
}

export class Mesh {
  /**
   * @param {{iceServers: object[], localStream: MediaStream|null,
   *   signal: function(string, string, object): void,
   *   onStream: function(object): void, onGone: function(object): void, onMedia?: function(object): void}} options
   *   signal(to, kind, payload) sends one signal frame; onStream(peer) when a peer's media arrives
   *   or changes; onGone(peer) when its connection is closed; onMedia(peer) when what is known of
   *   its camera and mic changes (see {@link mediaOf}).
   */
  constructor({iceServers, localStream, signal, onStream, onGone, onMedia = () => {}}) {
    this.iceServers = iceServers ?? [];
    this.localStream = localStream;
    this.signal = signal;
    this.onStream = onStream;
    this.onGone = onGone;
    this.onMedia = onMedia;
    /** What we tell every peer of our camera and mic: {camera, mic}, or null before we know. */
    this.note = null;
    this.myId = null;
    /** connectionId → peer state */
    this.peers = new Map();
  }

  /** A new welcome: a new connection id of ours, and nobody connected yet. */
  reset(myConnectionId) {
    this.closeAll();
    this.myId = myConnectionId;
  }

  /**
   * Opens a connection to {connectionId, userId, nickname}. {@code initiator}: we are the newcomer
   * (the peer came in our welcome), so we offer; otherwise we wait for its offer.
   */
  add(info, {initiator = false} = {}) {
    const existing = this.peers.get(info.connectionId);
    if (existing) {
      Object.assign(existing.info, info);
      return existing;
    }
    const pc = new RTCPeerConnection({iceServers: this.iceServers});
    const peer = {
      info: {...info},
      pc,
      // Deterministic on both sides: exactly one of the two is polite.
      polite: String(this.myId) > String(info.connectionId),
      makingOffer: false,
      ignoreOffer: false,
      settingRemoteAnswer: false,
      stream: null,
      queue: Promise.resolve(),
      closed: false,
      tracksAttached: false,
      attachTimer: null,
      watchdog: null,
      channels: new Set(),
      says: null,          // what the peer told of its camera and mic
    };
    this.peers.set(info.connectionId, peer);
    const to = info.connectionId;

    if (initiator) {
      this.attachTracks(peer);
    } else {
      // The newcomer offers; we answer with our tracks. Should its offer not come, offer ourselves.
      peer.attachTimer = setTimeout(() => this.attachTracks(peer), ANSWER_WAIT_MS);
    }
    // A connection that never gets through gets a new round of candidates.
    peer.watchdog = setInterval(() => {
      if (peer.closed) return;
      const state = pc.iceConnectionState;
      if (state !== 'connected' && state !== 'completed' && pc.signalingState === 'stable' && pc.remoteDescription) {
        pc.restartIce();
      }
    }, WATCHDOG_MS);

    pc.onnegotiationneeded = async () => {
      try {
        peer.makingOffer = true;
        await pc.setLocalDescription();
        if (peer.closed) return;
        this.signal(to, pc.localDescription.type, {type: pc.localDescription.type, sdp: pc.localDescription.sdp});
      } catch (error) {
        console.warn('live: could not make an offer', error);
      } finally {
        peer.makingOffer = false;
      }
    };
    pc.onicecandidate = ({candidate}) => {
      if (candidate && !peer.closed) this.signal(to, 'candidate', candidate.toJSON());
    };
    pc.ondatachannel = ({channel}) => {
      if (channel.label === MEDIA_CHANNEL) this.openChannel(peer, channel);
    };
    pc.ontrack = ({track, streams}) => {
      for (const event of ['mute', 'unmute', 'ended']) {
        track.addEventListener(event, () => { if (!peer.closed) this.onMedia(peer); });
      }
      if (streams && streams[0]) {
        peer.stream = streams[0];
      } else {
        peer.stream ??= new MediaStream();
        peer.stream.addTrack(track);
      }
      if (!peer.closed) this.onStream(peer);
    };
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'failed' && !peer.closed) {
        // A new round of candidates; onnegotiationneeded sends the offer.
        pc.restartIce();
      }
    };
    return peer;
  }

  /** Sends our camera and microphone to this peer, and receives the kinds we cannot send. */
  attachTracks(peer) {
    if (peer.tracksAttached || peer.closed) return;
    peer.tracksAttached = true;
    clearTimeout(peer.attachTimer);
    // We offer first (no offer of theirs came): the data channel goes in the same offer.
    if (!peer.pc.remoteDescription && peer.channels.size === 0) {
      this.openChannel(peer, peer.pc.createDataChannel(MEDIA_CHANNEL));
    }
    const local = this.localStream;
    const kinds = new Set();
    if (local) {
      for (const track of local.getTracks()) {
        // Reuses a transceiver the remote offer created for this kind, so no new round is needed.
        peer.pc.addTrack(track, local);
        kinds.add(track.kind);
      }
    }
    for (const kind of ['audio', 'video']) {
      if (kinds.has(kind)) continue;
      const existing = peer.pc.getTransceivers().some((t) => t.receiver.track?.kind === kind);
      if (!existing) peer.pc.addTransceiver(kind, {direction: 'recvonly'});
    }
  }

  /** Reads what a peer tells on a media channel, and tells it ours once the channel opens. */
  openChannel(peer, channel) {
    peer.channels.add(channel);
    channel.onopen = () => this.sendNote(channel);
    channel.onclose = () => peer.channels.delete(channel);
    channel.onmessage = ({data}) => {
      let said = null;
      try {
        said = JSON.parse(data);
      } catch {
        return;
      }
      if (said?.type !== 'media' || peer.closed) return;
      const device = (value) => (value === true || value === false ? value : null);
      peer.says = {camera: device(said.camera), mic: device(said.mic)};
      this.onMedia(peer);
    };
    if (channel.readyState === 'open') this.sendNote(channel);
  }

  sendNote(channel) {
    if (!this.note || channel.readyState !== 'open') return;
    try {
      channel.send(JSON.stringify({type: 'media', ...this.note}));
    } catch (error) {
      console.warn('live: could not tell a peer about our media', error);
    }
  }

  /** Our camera or mic changed ({camera, mic}: true on, false off, null none): every peer is told. */
  tell(note) {
    this.note = {camera: note.camera, mic: note.mic};
    this.peers.forEach((peer) => peer.channels.forEach((channel) => this.sendNote(channel)));
  }

  /** One `signal` frame from the server. */
  handle(frame) {
    const {from, fromUserId, kind, payload} = frame;
    if (!from || !payload) return;
    // A peer whose peer-joined has not reached us yet (frames from other server nodes may overtake it).
    const peer = this.peers.get(from) ?? this.add({connectionId: from, userId: fromUserId, nickname: ''});
    // One signal at a time per peer, in arrival order.
    peer.queue = peer.queue.then(() => this.apply(peer, kind, payload)).catch((error) => {
      console.warn('live: a signal could not be applied', error);
    });
  }

  async apply(peer, kind, payload) {
    if (peer.closed) return;
    const pc = peer.pc;
    if (kind === 'offer' || kind === 'answer') {
      const description = {type: kind, sdp: payload.sdp};
      const readyForOffer = !peer.makingOffer && (pc.signalingState === 'stable' || peer.settingRemoteAnswer);
      const collision = kind === 'offer' && !readyForOffer;
      peer.ignoreOffer = !peer.polite && collision;
      if (peer.ignoreOffer) return;
      peer.settingRemoteAnswer = kind === 'answer';
      try {
        // On the polite side a colliding offer rolls our own offer back implicitly.
        await pc.setRemoteDescription(description);
      } finally {
        peer.settingRemoteAnswer = false;
      }
      if (kind === 'offer' && !peer.closed) {
        this.attachTracks(peer);
        await pc.setLocalDescription();
        this.signal(peer.info.connectionId, 'answer', {type: pc.localDescription.type, sdp: pc.localDescription.sdp});
      }
    } else if (kind === 'candidate') {
      try {
        await pc.addIceCandidate(payload);
      } catch (error) {
        if (!peer.ignoreOffer) throw error;
      }
    }
  }

  /** The peer left (peer-left) or is unreachable: close its connection. */
  remove(connectionId) {
    const peer = this.peers.get(connectionId);
    if (!peer) return;
    this.peers.delete(connectionId);
    peer.closed = true;
    clearTimeout(peer.attachTimer);
    clearInterval(peer.watchdog);
    peer.channels.forEach((channel) => { try { channel.close(); } catch { /* already closed */ } });
    peer.channels.clear();
    try { peer.pc.close(); } catch { /* already closed */ }
    this.onGone(peer);
  }

  closeAll() {
    [...this.peers.keys()].forEach((id) => this.remove(id));
  }
}

/** A track as the tile needs it: {muted, ended}, or null for none. */
function trackInfo(track) {
  return track ? {muted: Boolean(track.muted), ended: track.readyState === 'ended'} : null;
}

/** What is known of a peer's media: {stream, video, audio, says} for remoteTileState (tile-state.js). */
export function mediaOf(peer) {
  const stream = peer?.stream ?? null;
  return {
    stream: Boolean(stream),
    video: trackInfo(stream?.getVideoTracks().find((t) => t.readyState === 'live') ?? stream?.getVideoTracks()[0]),
    audio: trackInfo(stream?.getAudioTracks().find((t) => t.readyState === 'live') ?? stream?.getAudioTracks()[0]),
    says: peer?.says ?? null,
  };
}
